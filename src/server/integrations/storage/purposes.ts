import type { SniffedType } from "./sniff";

/**
 * What each kind of stored file may be: the types its bytes may sniff as and the most it may
 * weigh. A purpose is fixed by the code that stores the file, never by the upload. SVG is not a
 * lesson image type: it can carry script, and lesson images are served as they were uploaded.
 */
export interface StoragePurposeRule {
  types: readonly SniffedType[];
  maxBytes: number;
}

const MB = 1024 * 1024;

export const STORAGE_PURPOSES = {
  course_image: { types: ["image/png", "image/jpeg", "image/webp", "image/gif"], maxBytes: 5 * MB },
} as const satisfies Record<string, StoragePurposeRule>;

export type StoragePurpose = keyof typeof STORAGE_PURPOSES;

export function purposeRule(purpose: StoragePurpose): StoragePurposeRule {
  return STORAGE_PURPOSES[purpose];
}
