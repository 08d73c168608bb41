import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui";
import { hrefWith, type SearchParams } from "@/lib/list-params";

/**
 * Pagination under a server-rendered list, with translated labels and the total. `name` is the
 * URL parameter holding the page, for a page with several lists.
 */
export async function ListPagination({
  path,
  params,
  name = "page",
  page,
  pageCount,
  total,
}: {
  path: string;
  params: SearchParams;
  name?: string;
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
