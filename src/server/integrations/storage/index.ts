/** The storage module: every file the portal keeps goes through here (see files.ts and driver.ts). */
export { discardStoredBytes, readStoredFile, storageDriver, storeFile } from "./files";
export type { StoredFile, StoredFileContent, StoreFileInput } from "./files";
export type { StorageDriver } from "./driver";
export { localDiskDriver } from "./local";
export { s3ClientOptions, s3ConfigFromEnv, s3Driver, type S3DriverConfig } from "./s3";
export { normaliseOriginalName, ORIGINAL_NAME_MAX } from "./names";
export { purposeRule, STORAGE_PURPOSES, type StoragePurpose } from "./purposes";
export { sniffFileType, SNIFFED_TYPES, type SniffedType } from "./sniff";
export { contentDisposition, fileNotFound, fileResponse, SAFE_FILE_HEADERS } from "./http";
