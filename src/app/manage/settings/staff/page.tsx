import { getFormatter, getTranslations } from "next-intl/server";
import {
  Badge,
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
  Users,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { STAFF_ROLES } from "@/server/domains/actor";
import { api } from "@/server/trpc/server";
import { InviteStaffButton, StaffRowActions } from "./staff-actions";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("staffAdmin"))("title") };
}

const SORTS = ["name", "email", "role", "createdAt"] as const;

async function StaffPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireStaffPage("admin");
  const params = await searchParams;
  const sort = oneOf(param(params, "sort"), SORTS) ?? "name";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "asc";
  const role = oneOf(param(params, "role"), STAFF_ROLES);
  const search = param(params, "q");
  const result = await (
    await api()
  ).manage.staff.list({ page: pageParam(params), pageSize: 25, sort, sortDir, role, search });
  const t = await getTranslations();
  const format = await getFormatter();
  const sortHref = (column: (typeof SORTS)[number]) =>
    hrefWith("/manage/settings/staff", params, {
      sort: column,
      dir: sort === column && sortDir === "asc" ? "desc" : "asc",
      page: undefined,
    });
  const roleLabels = Object.fromEntries(STAFF_ROLES.map((r) => [r, t(`roles.${r}`)])) as Record<
    (typeof STAFF_ROLES)[number],
    string
  >;
  return (
    <>
      <PageHeader
        title={t("staffAdmin.title")}
        description={t("staffAdmin.subtitle")}
        actions={<InviteStaffButton roleLabels={roleLabels} />}
      />
      <FilterBar
        action="/manage/settings/staff"
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref="/manage/settings/staff"
      >
        <FormField label={t("common.search")} htmlFor="filter-q">
          <Input id="filter-q" name="q" type="search" defaultValue={search} className="w-56" />
        </FormField>
        <FormField label={t("staffAdmin.role")} htmlFor="filter-role">
          <Select id="filter-role" name="role" defaultValue={role ?? ""}>
            <option value="">{t("common.all")}</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </Select>
        </FormField>
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<Users className="size-6" />}
          title={t("common.noMatches")}
          description={t("common.noMatchesHint")}
        />
      ) : (
        <>
          <Table data-testid="staff-table">
            <THead>
              <TR>
                <SortableTH href={sortHref("name")} direction={sort === "name" ? sortDir : null}>
                  {t("staffAdmin.name")}
                </SortableTH>
                <SortableTH href={sortHref("email")} direction={sort === "email" ? sortDir : null}>
                  {t("staffAdmin.email")}
                </SortableTH>
                <SortableTH href={sortHref("role")} direction={sort === "role" ? sortDir : null}>
                  {t("staffAdmin.role")}
                </SortableTH>
                <TH>{t("staffAdmin.status")}</TH>
                <SortableTH href={sortHref("createdAt")} direction={sort === "createdAt" ? sortDir : null}>
                  {t("staffAdmin.added")}
                </SortableTH>
                <TH className="text-end">{t("common.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.id}>
                  <TD className="font-medium">{row.name}</TD>
                  <TD>
                    <bdi dir="ltr">{row.email}</bdi>
                  </TD>
                  <TD>{roleLabels[row.role]}</TD>
                  <TD>
                    {row.deactivatedAt ? (
                      <Badge tone="neutral">{t("staffAdmin.deactivated")}</Badge>
                    ) : row.hasSignedIn ? (
                      <Badge tone="success">{t("staffAdmin.active")}</Badge>
                    ) : (
                      <Badge tone="warning">{t("staffAdmin.invited")}</Badge>
                    )}
                  </TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                  </TD>
                  <TD className="text-end">
                    {row.id === me.userId ? (
                      <span className="text-xs text-muted">{t("staffAdmin.you")}</span>
                    ) : (
                      <StaffRowActions
                        userId={row.id}
                        name={row.name}
                        role={row.role}
                        active={!row.deactivatedAt}
                        roleLabels={roleLabels}
                      />
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path="/manage/settings/staff"
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

export default withClientMessages("manage/settings/staff/page", StaffPage);
