import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { systemClock } from "@/lib/clock";
import { Badge, Card, CardBody, CardHeader, ChevronStart, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { countryName, websiteHref } from "@/lib/display";
import { isUuid } from "@/lib/ids";
import { PARTNER_STATUS_TONE, SYSTEM_REASON_KEYS } from "../status";
import { CommissionCard } from "./commission-card";
import { AddNoteForm, EditProfileButton, InvitationActions, ManagerForm, StatusAction } from "./partner-actions";
import { withClientMessages } from "@/i18n/client-messages";

/** Read once per request: the tab title and the page share it. */
const getPartner = cache(async (partnerId: string) =>
  (await api()).manage.partners.detail({ partnerId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }),
);

/** The tab names the partner, not the section. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffPage("partner_manager", "finance"); // the page's guard first: others are sent away
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return { title: (await getPartner(id)).name };
}

function hasExpired(date: Date): boolean {
  return date.getTime() <= systemClock.now().getTime();
}

async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage("partner_manager", "finance");
  // Finance reads the directory; only partner managers and admins change a partner.
  const canEdit = me.staffRole === "admin" || me.staffRole === "partner_manager";
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const caller = await api();
  const [partner, options] = await Promise.all([getPartner(id), canEdit ? caller.manage.partners.options() : null]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const tier = t.has(`tiers.${partner.tierKey}`) ? t(`tiers.${partner.tierKey}` as never) : partner.tierName;
  const status = (s: keyof typeof PARTNER_STATUS_TONE) => t(`partnerStatus.${s}`);
  const href = websiteHref(partner.website);
  const notSet = <span className="text-muted">{t("directory.notSet")}</span>;
  const managers = options?.managers ?? [];
  // A manager who has since left still shows as the current choice.
  const managerChoices =
    partner.managerId && !managers.some((m) => m.id === partner.managerId)
      ? [{ id: partner.managerId, name: partner.managerName ?? t("directory.unassigned") }, ...managers]
      : managers;
  const profileRows: [string, ReactNode][] = [
    [
      t("directory.profile.website"),
      href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
          <bdi dir="ltr">{partner.website}</bdi>
          <span className="sr-only"> {t("directory.opensInNewTab")}</span>
        </a>
      ) : partner.website ? (
        <bdi dir="ltr">{partner.website}</bdi>
      ) : (
        notSet
      ),
    ],
    [t("directory.profile.domain"), partner.domain ? <bdi dir="ltr">{partner.domain}</bdi> : notSet],
    [
      t("directory.columns.country"),
      partner.country ? (
        <>
          {countryName(locale, partner.country)}{" "}
          <span className="text-muted">
            (<bdi dir="ltr">{partner.country}</bdi>)
          </span>
        </>
      ) : (
        notSet
      ),
    ],
    [
      t("directory.profile.contactEmail"),
      partner.contactEmail ? (
        <a href={`mailto:${partner.contactEmail}`} className="text-brand-700 hover:underline">
          <bdi dir="ltr">{partner.contactEmail}</bdi>
        </a>
      ) : (
        notSet
      ),
    ],
    [t("directory.profile.phone"), partner.phone ? <bdi dir="ltr">{partner.phone}</bdi> : notSet],
    [
      t("directory.profile.address"),
      partner.address ? (
        <span className="whitespace-pre-wrap" dir="auto">
          {partner.address}
        </span>
      ) : (
        notSet
      ),
    ],
    [t("directory.columns.joined"), date(partner.createdAt)],
  ];

  return (
    <>
      <Link
        href="/manage/partners"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900"
      >
        <ChevronStart className="size-4" />
        {t("directory.back")}
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-4">
          {partner.hasLogo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by our own route; next/image adds nothing here
            <img
              src={`/api/logos/${partner.id}`}
              alt={t("directory.logoAlt", { name: partner.name })}
              className="size-14 shrink-0 rounded-lg border border-border bg-white object-contain p-1"
            />
          ) : null}
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{partner.name}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <Badge tone={PARTNER_STATUS_TONE[partner.status]} data-testid="partner-status">
                <span className="sr-only">{t("directory.columns.status")}: </span>
                {status(partner.status)}
              </Badge>
              <Badge tone="brand" data-testid="partner-tier">
                <span className="sr-only">{t("directory.columns.tier")}: </span>
                {tier}
              </Badge>
              <Badge>
                <span className="sr-only">{t("directory.columns.type")}: </span>
                {t(`partnerTypes.${partner.type}`)}
              </Badge>
            </div>
          </div>
        </div>
        {canEdit && (partner.status === "active" || partner.status === "suspended") ? (
          <div className="flex flex-wrap items-center gap-2">
            <StatusAction partnerId={partner.id} name={partner.name} status={partner.status} />
          </div>
        ) : null}
      </div>
      {canEdit ? null : (
        <p
          className="mb-4 rounded-md border border-border bg-surface-subtle px-4 py-3 text-sm text-muted"
          data-testid="read-only-notice"
        >
          {t("directory.readOnly")}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card>
            <CardHeader
              title={t("directory.profile.title")}
              as="h2"
              actions={
                canEdit ? (
                  <EditProfileButton
                    partnerId={partner.id}
                    initial={{
                      name: partner.name,
                      website: partner.website ?? "",
                      country: partner.country ?? "",
                      contactEmail: partner.contactEmail ?? "",
                      phone: partner.phone ?? "",
                      address: partner.address ?? "",
                    }}
                  />
                ) : null
              }
            />
            <CardBody>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]" data-testid="partner-profile">
                {profileRows.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-muted">{label}</dt>
                    <dd className="min-w-0 break-words">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>

          <CommissionCard partnerId={partner.id} partnerName={partner.name} canEdit={canEdit} />

          <section aria-labelledby="users-title">
            <h2 id="users-title" className="mb-2 text-base font-semibold text-neutral-900">
              {t("directory.users.title")}
            </h2>
            {partner.members.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
                {t("directory.users.empty")}
              </p>
            ) : (
              <Table data-testid="partner-users-table">
                <THead>
                  <TR>
                    <TH>{t("directory.users.name")}</TH>
                    <TH>{t("directory.users.email")}</TH>
                    <TH>{t("directory.users.role")}</TH>
                    <TH>{t("directory.users.joined")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {partner.members.map((member) => (
                    <TR key={member.userId}>
                      <TD className="font-medium">{member.name}</TD>
                      <TD>
                        <bdi dir="ltr">{member.email}</bdi>
                      </TD>
                      <TD>{t(`roles.${member.role}`)}</TD>
                      <TD className="whitespace-nowrap text-muted">{date(member.joinedAt)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="invitations-title">
            <h2 id="invitations-title" className="mb-2 text-base font-semibold text-neutral-900">
              {t("directory.invitations.title")}
            </h2>
            {partner.invitations.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
                {t("directory.invitations.empty")}
              </p>
            ) : (
              <Table data-testid="partner-invitations-table">
                <THead>
                  <TR>
                    <TH>{t("directory.invitations.email")}</TH>
                    <TH>{t("directory.invitations.role")}</TH>
                    <TH>{t("directory.invitations.expires")}</TH>
                    {canEdit ? <TH className="text-end">{t("common.actions")}</TH> : null}
                  </TR>
                </THead>
                <TBody>
                  {partner.invitations.map((invitation) => (
                    <TR key={invitation.id}>
                      <TD>
                        <bdi dir="ltr">{invitation.email}</bdi>
                      </TD>
                      <TD>{t(`roles.${invitation.role}`)}</TD>
                      <TD className="whitespace-nowrap text-muted">
                        {dateTime(invitation.expiresAt)}
                        {hasExpired(invitation.expiresAt) ? (
                          <Badge tone="warning" className="ms-2">
                            {t("directory.invitations.expired")}
                          </Badge>
                        ) : null}
                      </TD>
                      {canEdit ? (
                        <TD className="text-end">
                          <InvitationActions
                            partnerId={partner.id}
                            invitationId={invitation.id}
                            email={invitation.email}
                          />
                        </TD>
                      ) : null}
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </section>

          <Card>
            <CardHeader title={t("directory.notes.title")} description={t("directory.notes.hint")} as="h2" />
            <CardBody className="space-y-4">
              {partner.notes.length === 0 ? (
                <p className="text-sm text-muted">{t("directory.notes.empty")}</p>
              ) : (
                <ul className="divide-y divide-border" data-testid="partner-notes">
                  {partner.notes.map((note) => (
                    <li key={note.id} className="py-3 first:pt-0">
                      <p className="text-xs text-muted">
                        <bdi className="font-medium text-neutral-700">
                          {note.authorName ?? t("directory.notes.formerStaff")}
                        </bdi>
                        {" · "}
                        <bdi>
                          <time dateTime={note.createdAt.toISOString()}>{dateTime(note.createdAt)}</time>
                        </bdi>
                      </p>
                      <p className="mt-1 whitespace-pre-wrap break-words text-sm" dir="auto">
                        {note.body}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              {canEdit ? <AddNoteForm partnerId={partner.id} /> : null}
            </CardBody>
          </Card>
        </div>

        <div className="space-y-4">
          <Card>
            <CardHeader title={t("directory.manager.title")} as="h2" />
            <CardBody>
              {canEdit ? (
                <ManagerForm partnerId={partner.id} managerId={partner.managerId} managers={managerChoices} />
              ) : (
                <p className="text-sm">
                  {partner.managerName ?? <span className="text-muted">{t("directory.unassigned")}</span>}
                </p>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title={t("directory.history.title")} as="h2" />
            <CardBody>
              {partner.history.length === 0 ? (
                <p className="text-sm text-muted">{t("directory.history.empty")}</p>
              ) : (
                <ol className="space-y-4 border-s border-border ps-4" data-testid="status-history">
                  {partner.history.map((event) => {
                    const reasonKey = SYSTEM_REASON_KEYS[event.reason];
                    return (
                      <li key={event.id} className="relative">
                        <span
                          aria-hidden="true"
                          className="absolute -start-[1.3125rem] top-1.5 size-2 rounded-full bg-brand-600"
                        />
                        <p className="text-sm font-medium">
                          {event.fromStatus
                            ? t("directory.history.transition", {
                                from: status(event.fromStatus),
                                to: status(event.toStatus),
                              })
                            : t("directory.history.initial", { to: status(event.toStatus) })}
                        </p>
                        <p
                          className="mt-0.5 whitespace-pre-wrap break-words text-sm text-neutral-700"
                          dir={reasonKey ? undefined : "auto"}
                        >
                          {reasonKey ? t(`directory.history.reasons.${reasonKey}` as never) : event.reason}
                        </p>
                        <p className="mt-0.5 text-xs text-muted">
                          {/* Isolated runs, so a Latin name beside an Arabic date keeps its order. */}
                          <bdi>
                            {event.actorName
                              ? t("directory.history.by", { name: event.actorName })
                              : t("directory.history.system")}
                          </bdi>
                          {" · "}
                          <bdi>
                            <time dateTime={event.at.toISOString()}>{dateTime(event.at)}</time>
                          </bdi>
                        </p>
                      </li>
                    );
                  })}
                </ol>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

export default withClientMessages("manage/partners/[id]/page", PartnerPage);
