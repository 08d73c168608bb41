import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  EmptyState,
  FormField,
  Input,
  Select,
  Shield,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { dateParam, hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { isUuid } from "@/lib/ids";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { AuditChanges } from "./audit-changes";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

const DAY_MS = 86_400_000;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("admin");
  const params = await searchParams;
  const caller = await api();
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "desc";
  const actorId = param(params, "actor");
  const entityType = param(params, "entity");
  const fromParam = param(params, "from");
  const toParam = param(params, "to");
  const from = dateParam(fromParam);
  const toDay = dateParam(toParam);
  const validActor = isUuid(actorId) ? actorId : undefined;
  const [result, options] = await Promise.all([
    caller.manage.audit.list({
      page: pageParam(params),
      pageSize: 25,
      sortDir,
      actorId: validActor,
      entityType,
      from,
      // "to" is inclusive of the whole chosen day.
      to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
    }),
    caller.manage.audit.filterOptions(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const filtered = Boolean(validActor || entityType || from || toDay);
  // Most records are named as stored; a run by its cutoff day and terms by their version, in words.
  type Entity = NonNullable<(typeof result.rows)[number]["entity"]>;
  const entityName = (entity: Entity) =>
    entity.kind === "run"
      ? t("payoutsAdmin.run.heading", {
          cutoff: format.dateTime(new Date(`${entity.name}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
        })
      : entity.kind === "terms"
        ? t("audit.termsVersion", { version: entity.name })
        : entity.name;
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.subtitle")} />
      <FilterBar
        action="/manage/audit"
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref="/manage/audit"
      >
        <FormField label={t("audit.actor")} htmlFor="filter-actor">
          <Select id="filter-actor" name="actor" defaultValue={validActor ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("audit.entity")} htmlFor="filter-entity">
          <Select id="filter-entity" name="entity" defaultValue={entityType ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.entityTypes.map((e) => (
              <option key={e} value={e}>
                {t.has(`audit.entities.${e}`) ? t(`audit.entities.${e}` as never) : e}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("audit.from")} htmlFor="filter-from">
          <Input id="filter-from" name="from" type="date" defaultValue={fromParam} />
        </FormField>
        <FormField label={t("audit.to")} htmlFor="filter-to">
          <Input id="filter-to" name="to" type="date" defaultValue={toParam} />
        </FormField>
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<Shield className="size-6" />}
          title={filtered ? t("common.noMatches") : t("audit.empty")}
          description={filtered ? t("common.noMatchesHint") : undefined}
        />
      ) : (
        <>
          <Table data-testid="audit-table">
            <THead>
              <TR>
                <SortableTH
                  href={hrefWith("/manage/audit", params, {
                    dir: sortDir === "desc" ? "asc" : "desc",
                    page: undefined,
                  })}
                  direction={sortDir}
                >
                  {t("audit.at")}
                </SortableTH>
                <TH>{t("audit.actor")}</TH>
                <TH>{t("audit.action")}</TH>
                <TH>{t("audit.entity")}</TH>
                <TH>{t("audit.changes")}</TH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.id.toString()}>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(row.at, { dateStyle: "medium", timeStyle: "short" })}
                  </TD>
                  <TD>
                    {row.actorName ??
                      t(
                        `audit.actorKinds.${row.actorKind === "system" ? "system" : row.actorKind === "api_key" ? "apiKey" : "deleted"}`,
                      )}
                  </TD>
                  <TD>
                    <span className="font-medium">
                      {t.has(`audit.actions.${row.action}`) ? t(`audit.actions.${row.action}` as never) : row.action}
                    </span>
                  </TD>
                  <TD>
                    <span>
                      {t.has(`audit.entities.${row.entityType}`)
                        ? t(`audit.entities.${row.entityType}` as never)
                        : row.entityType}
                    </span>
                    {/* The record by name, linked to its page; the id only when the record is gone. */}
                    {row.entity ? (
                      <span className="block max-w-56 truncate text-xs" data-testid="audit-entity">
                        {row.entity.href ? (
                          <Link href={row.entity.href} className="text-brand-700 hover:underline">
                            <bdi>{entityName(row.entity)}</bdi>
                          </Link>
                        ) : (
                          <bdi>{entityName(row.entity)}</bdi>
                        )}
                      </span>
                    ) : (
                      <bdi className="block max-w-40 truncate font-mono text-xs text-muted" dir="ltr">
                        {row.entityId}
                      </bdi>
                    )}
                  </TD>
                  <TD>
                    <AuditChanges
                      before={row.before}
                      after={row.after}
                      labels={{
                        show: t("audit.showChanges"),
                        before: t("audit.before"),
                        after: t("audit.after"),
                        none: t("audit.noChanges"),
                      }}
                    />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path="/manage/audit"
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
