import type { z } from "zod";
import { toCsv } from "@/lib/csv";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import {
  courseReportExportInput,
  courseReportRows,
  partnerTrainingReportExportInput,
  partnerTrainingReportRows,
  type ReportFigures,
} from "./reports";

/** The figure columns both exports end with, in this order (headers are named by the caller). */
export const REPORT_FIGURE_COLUMNS = [
  "started",
  "completedLessons",
  "attempted",
  "passed",
  "passRate",
  "attempts",
  "averageScore",
] as const;

const cells = (row: ReportFigures) => REPORT_FIGURE_COLUMNS.map((column) => row[column] ?? "");

/** The course report as CSV: course, language, then the figures. */
export async function courseReportCsv(
  ctx: ServiceCtx<StaffActor>,
  input: z.input<typeof courseReportExportInput>,
  headers: string[],
): Promise<string> {
  const rows = await courseReportRows(ctx, input);
  return toCsv(
    headers,
    rows.map((row) => [row.name, row.language, ...cells(row)]),
  );
}

/** The partner report as CSV: partner, then the figures. */
export async function partnerTrainingReportCsv(
  ctx: ServiceCtx<StaffActor>,
  input: z.input<typeof partnerTrainingReportExportInput>,
  headers: string[],
): Promise<string> {
  const rows = await partnerTrainingReportRows(ctx, input);
  return toCsv(
    headers,
    rows.map((row) => [row.name, ...cells(row)]),
  );
}
