import { getFormatter, getTranslations } from "next-intl/server";
import {
  Badge,
  Briefcase,
  Card,
  CardBody,
  CardHeader,
  EmptyState,
  FormField,
  Input,
  Select,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  type BadgeTone,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { AddCustomerForm, ImportCustomersForm, RemoveCustomerButton } from "./customer-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogAdmin.customers"))("title") };
}

const PATH = "/manage/customers";
const SORTS = ["name", "createdAt"] as const;
const SOURCES = ["import", "manual", "won_lead", "stripe"] as const;
const SOURCE_TONE: Record<(typeof SOURCES)[number], BadgeTone> = {
  import: "brand",
  manual: "neutral",
  won_lead: "success",
  stripe: "warning",
};

async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage("partner_manager", "finance");
  // Finance reads the list; changing it is for partner managers and admins.
  const canEdit = actor.staffRole !== "finance";
  const params = await searchParams;
  const sort = oneOf(param(params, "sort"), SORTS) ?? "name";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? (sort === "name" ? "asc" : "desc");
  const source = oneOf(param(params, "source"), SOURCES);
  const search = param(params, "q")?.trim().slice(0, 100) || undefined;
  const result = await (
    await api()
  ).manage.catalog.customers({ page: pageParam(params), pageSize: 25, sort, sortDir, search, source });
  const t = await getTranslations("catalogAdmin.customers");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const filtered = Boolean(search || source);
  const sortHref = (column: (typeof SORTS)[number]) =>
    hrefWith(PATH, params, {
      sort: column,
      dir: sort === column ? (sortDir === "asc" ? "desc" : "asc") : column === "name" ? "asc" : "desc",
      page: undefined,
    });
  const direction = (column: (typeof SORTS)[number]) => (sort === column ? sortDir : null);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card className="mb-6">
        <CardHeader title={t("aboutTitle")} />
        <CardBody>
          <ul className="list-disc space-y-1 ps-5 text-sm text-neutral-700">
            <li>{t("aboutRefused")}</li>
            <li>{t("aboutWon")}</li>
            <li>{t("aboutStripe")}</li>
          </ul>
          {canEdit ? null : <p className="mt-3 text-sm text-muted">{t("readOnly")}</p>}
        </CardBody>
      </Card>
      {canEdit ? (
        <div className="mb-6 grid items-start gap-6 lg:grid-cols-2">
          <AddCustomerForm />
          <ImportCustomersForm />
        </div>
      ) : null}
      <FilterBar action={PATH} applyLabel={tc("applyFilters")} clearLabel={tc("clearFilters")} clearHref={PATH}>
        <FormField label={t("search")} htmlFor="filter-q">
          <Input id="filter-q" name="q" type="search" defaultValue={search} maxLength={100} className="w-64" />
        </FormField>
        <FormField label={t("source")} htmlFor="filter-source">
          <Select id="filter-source" name="source" defaultValue={source ?? ""}>
            <option value="">{tc("all")}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`sources.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {/* Keep the chosen order when the filters change. */}
        {param(params, "sort") ? <input type="hidden" name="sort" value={sort} /> : null}
        {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<Briefcase className="size-6" />}
          title={filtered ? tc("noMatches") : t("empty")}
          description={filtered ? tc("noMatchesHint") : t("emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="customers-table" aria-label={t("tableLabel")}>
            <THead>
              <TR>
                <SortableTH href={sortHref("name")} direction={direction("name")}>
                  {t("name")}
                </SortableTH>
                <TH>{t("domain")}</TH>
                <TH>{t("source")}</TH>
                <SortableTH href={sortHref("createdAt")} direction={direction("createdAt")}>
                  {t("added")}
                </SortableTH>
                {canEdit ? (
                  <TH>
                    <span className="sr-only">{tc("actions")}</span>
                  </TH>
                ) : null}
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.id} data-testid="customer-row">
                  <TD className="font-medium">{row.name}</TD>
                  <TD>
                    {row.domain ? (
                      <bdi dir="ltr">{row.domain}</bdi>
                    ) : (
                      <span className="text-muted italic">{t("noDomain")}</span>
                    )}
                  </TD>
                  <TD>
                    <Badge tone={SOURCE_TONE[row.source]}>{t(`sources.${row.source}`)}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                  </TD>
                  {canEdit ? (
                    <TD className="text-end">
                      <RemoveCustomerButton customerId={row.id} name={row.name} />
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path={PATH}
            params={params}
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
          />
        </>
      )}
    </>
  );
}

export default withClientMessages("manage/customers/page", CustomersPage);
