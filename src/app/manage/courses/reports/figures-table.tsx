import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { hrefWith, type SearchParams } from "@/lib/list-params";
import type { ReportFigures } from "@/server/domains/training/reports";

export const FIGURES = [
  "started",
  "completedLessons",
  "attempted",
  "passed",
  "passRate",
  "attempts",
  "averageScore",
] as const;
export const SORTS = ["name", ...FIGURES] as const;
export type ReportSort = (typeof SORTS)[number];

/**
 * A report's table: a name column, the figures, every column sortable on the server. `prefix`
 * names its URL parameters (`c` for courses, `p` for partners), so two tables share one page.
 */
export async function FiguresTable<Row extends ReportFigures & { id: string }>({
  caption,
  nameHeader,
  rows,
  renderName,
  extra,
  path,
  params,
  prefix,
  sort,
  sortDir,
  testId,
}: {
  caption: string;
  nameHeader: string;
  rows: Row[];
  renderName: (row: Row) => ReactNode;
  extra?: { header: string; cell: (row: Row) => ReactNode };
  path: string;
  params: SearchParams;
  prefix: string;
  sort: ReportSort;
  sortDir: "asc" | "desc";
  testId: string;
}) {
  const t = await getTranslations("coursesAdmin");
  const format = await getFormatter();
  const sortHref = (key: ReportSort) =>
    hrefWith(path, params, {
      [`${prefix}sort`]: key,
      [`${prefix}dir`]: sort === key ? (sortDir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc",
      [`${prefix}page`]: undefined,
    });
  // Rates are whole percents (the header says so); none before anyone attempted.
  const cell = (row: Row, key: (typeof FIGURES)[number]) => {
    const value = row[key];
    return value === null ? t("none") : format.number(value);
  };
  return (
    <Table data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <TR>
          <SortableTH href={sortHref("name")} direction={sort === "name" ? sortDir : null}>
            {nameHeader}
          </SortableTH>
          {extra ? <TH>{extra.header}</TH> : null}
          {FIGURES.map((key) => (
            <SortableTH key={key} numeric href={sortHref(key)} direction={sort === key ? sortDir : null}>
              {t(`columns.${key}`)}
            </SortableTH>
          ))}
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id}>
            <TD>{renderName(row)}</TD>
            {extra ? <TD>{extra.cell(row)}</TD> : null}
            {FIGURES.map((key) => (
              <TD key={key} numeric>
                {cell(row, key)}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
