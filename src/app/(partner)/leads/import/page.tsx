import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  ChevronStart,
  Download,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { requirePartnerPage } from "@/server/auth/guards";
import { LEAD_IMPORT_COLUMNS, MAX_LEAD_IMPORT_ROWS } from "@/server/domains/leads/import";
import { formatCount } from "@/lib/money";
import { canChangeLeads, SUSPENDED_NOTICE_ID, SuspendedNotice } from "../lead-actions-gate";
import { ImportForm } from "./import-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("leadsPortal.import"))("title") };
}

/** The file's size limit, as the server's input schema bounds it (characters; checked as bytes in the browser). */
const MAX_FILE_BYTES = 1_000_000;

async function ImportLeadsPage() {
  const me = await requirePartnerPage();
  const canImport = canChangeLeads(me.partnerStatus);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <Link href="/leads" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900">
        <ChevronStart className="size-4" />
        {t("leadsPortal.import.back")}
      </Link>
      <PageHeader
        title={t("leadsPortal.import.title")}
        description={t("leadsPortal.import.subtitle", {
          max: MAX_LEAD_IMPORT_ROWS,
          formatted: formatCount(MAX_LEAD_IMPORT_ROWS, locale),
        })}
        actions={
          // A plain link: the route handler answers with a file download.
          <a
            href="/leads/import/template"
            download
            className={buttonClasses("secondary")}
            data-testid="download-template"
          >
            <Download className="size-4" />
            {t("leadsPortal.import.template")}
          </a>
        }
      />
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="self-start lg:col-span-3">
          <CardHeader
            title={t("leadsPortal.import.uploadTitle")}
            description={t("leadsPortal.import.uploadHint")}
            as="h2"
          />
          <CardBody>
            {canImport ? null : <SuspendedNotice className="mb-4" />}
            <ImportForm maxBytes={MAX_FILE_BYTES} lockedBy={canImport ? undefined : SUSPENDED_NOTICE_ID} />
          </CardBody>
        </Card>
        <Card className="self-start lg:col-span-2">
          <CardHeader
            title={t("leadsPortal.import.columnsTitle")}
            description={t("leadsPortal.import.columnsHint")}
            as="h2"
          />
          <CardBody className="space-y-3">
            <Table data-testid="import-columns">
              <caption className="sr-only">{t("leadsPortal.import.columnsTitle")}</caption>
              <THead>
                <TR>
                  <TH>{t("leadsPortal.import.column")}</TH>
                  <TH>{t("leadsPortal.import.meaning")}</TH>
                </TR>
              </THead>
              <TBody>
                {LEAD_IMPORT_COLUMNS.map((column) => (
                  <TR key={column}>
                    <TD className="align-top">
                      <code className="text-xs whitespace-nowrap" dir="ltr">
                        {column}
                      </code>
                    </TD>
                    <TD className="text-muted">
                      {t.rich(`leadsPortal.import.columns.${column}`, {
                        ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
                      })}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <p className="text-xs text-muted">{t("leadsPortal.import.rulesNote")}</p>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("(partner)/leads/import/page", ImportLeadsPage);
