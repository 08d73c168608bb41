import { z } from "zod";

/** Server-side paging every list uses: page numbers from 1, bounded page sizes. */
export const pageInput = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
  sortDir: z.enum(["asc", "desc"]).default("desc"),
};

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export function pageOf<T>(rows: T[], total: number, page: number, pageSize: number): Page<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}
