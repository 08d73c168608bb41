import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui";
import { hrefWith, type SearchParams } from "@/lib/list-params";

/**
 * Pagination for one of several lists on a page: each keeps its page in its own URL parameter
 * (the preview's lines and the runs list share /manage/payouts).
 */
export async function ParamPagination({
  path,
  params,
  name,
  page,
  pageCount,
  total,
}: {
  path: string;
  params: SearchParams;
  name: string;
  page: number;
  pageCount: number;
  total: number;
}) {
  const t = await getTranslations("common");
  const format = await getFormatter();
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">{t("totalResults", { count: total, formatted: format.number(total) })}</p>
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => hrefWith(path, params, { [name]: p === 1 ? undefined : p })}
        labels={{
          previous: t("previous"),
          next: t("next"),
          pageOf: t("pageOf", { page: format.number(page), count: format.number(pageCount) }),
          nav: t("pagination"),
        }}
      />
    </div>
  );
}

/** A page number from a named parameter (1 when absent or not a page). */
export function pageNamed(params: SearchParams, name: string): number {
  const raw = params[name];
  const n = Number((Array.isArray(raw) ? raw[0] : raw) ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
