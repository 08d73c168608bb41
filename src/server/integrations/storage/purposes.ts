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
  /** A library asset's file: documents, images and archives (videos are links). */
  asset_file: {
    types: ["application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif", "application/zip"],
    maxBytes: 50 * MB,
  },
  /** The vendor's logo on a co-branded template: what the PDF renderer can draw. */
  cobrand_logo: { types: ["image/png", "image/jpeg"], maxBytes: 2 * MB },
  /** Proof of performance for an MDF claim: photos, screenshots, reports, archives of them. */
  mdf_proof: {
    types: ["application/pdf", "image/png", "image/jpeg", "image/webp", "application/zip"],
    maxBytes: 20 * MB,
  },
  /** The invoice an MDF claim is paid against. */
  mdf_invoice: { types: ["application/pdf", "image/png", "image/jpeg"], maxBytes: 10 * MB },
} as const satisfies Record<string, StoragePurposeRule>;

export type StoragePurpose = keyof typeof STORAGE_PURPOSES;

export function purposeRule(purpose: StoragePurpose): StoragePurposeRule {
  return STORAGE_PURPOSES[purpose];
}
