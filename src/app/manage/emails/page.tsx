import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  Badge,
  EmptyState,
  FormField,
  Input,
  Mail,
  Select,
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
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";

import { EMAIL_STATUSES as STATUSES, STATUS_TONE } from "./status";

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function EmailsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("admin");
  const params = await searchParams;
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "desc";
  const status = oneOf(param(params, "status"), STATUSES);
  const to = param(params, "to");
  const result = await (await api()).manage.emails.list({ page: pageParam(params), pageSize: 25, sortDir, status, to });
  const t = await getTranslations();
  const format = await getFormatter();
  const filtered = Boolean(status || to);
  return (
    <>
      <PageHeader title={t("outbox.title")} description={t("outbox.subtitle")} />
      <FilterBar
        action="/manage/emails"
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref="/manage/emails"
      >
        <FormField label={t("outbox.to")} htmlFor="filter-to">
          <Input id="filter-to" name="to" type="search" defaultValue={to} className="w-56" />
        </FormField>
        <FormField label={t("outbox.status")} htmlFor="filter-status">
          <Select id="filter-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("common.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.statuses.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<Mail className="size-6" />}
          title={filtered ? t("common.noMatches") : t("outbox.empty")}
          description={filtered ? t("common.noMatchesHint") : t("outbox.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="emails-table">
            <THead>
              <TR>
                <SortableTH
                  href={hrefWith("/manage/emails", params, {
                    dir: sortDir === "desc" ? "asc" : "desc",
                    page: undefined,
                  })}
                  direction={sortDir}
                >
                  {t("outbox.created")}
                </SortableTH>
                <TH>{t("outbox.to")}</TH>
                <TH>{t("outbox.subject")}</TH>
                <TH>{t("outbox.status")}</TH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((email) => (
                <TR key={email.id}>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </TD>
                  <TD className="max-w-48 truncate">
                    <bdi dir="ltr">{email.to}</bdi>
                  </TD>
                  <TD>
                    <Link href={`/manage/emails/${email.id}`} className="font-medium text-brand-700 hover:underline">
                      {email.subject}
                    </Link>
                  </TD>
                  <TD>
                    <Badge tone={STATUS_TONE[email.status]}>{t(`outbox.statuses.${email.status}`)}</Badge>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path="/manage/emails"
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
