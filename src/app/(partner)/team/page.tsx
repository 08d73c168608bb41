import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Mail, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { requirePartnerPage } from "@/server/auth/guards";
import type { PartnerRole } from "@/server/domains/actor";
import { api } from "@/server/trpc/server";
import { InvitationRowActions, InviteMemberButton, MemberRowActions } from "./team-actions";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("team"))("title") };
}

async function TeamPage() {
  const me = await requirePartnerPage();
  const { members, invitations } = await (await api()).partner.team.list();
  const t = await getTranslations();
  const format = await getFormatter();
  const isOwner = me.partnerRole === "owner";
  const roleLabels: Record<PartnerRole, string> = { owner: t("roles.owner"), member: t("roles.member") };
  return (
    <>
      <PageHeader
        title={t("team.title")}
        description={t("team.subtitle", { count: members.length })}
        actions={isOwner ? <InviteMemberButton roleLabels={roleLabels} /> : undefined}
      />
      {!isOwner ? (
        <p
          role="note"
          data-testid="team-readonly-note"
          className="mb-4 rounded-md border border-border bg-surface-sunken px-3 py-2 text-sm text-muted-strong"
        >
          {t("team.readonlyNote")}
        </p>
      ) : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-base font-semibold text-neutral-900">
          {t("team.members")}
        </h2>
        <Table data-testid="team-table">
          <caption className="sr-only">{t("team.members")}</caption>
          <THead>
            <TR>
              <TH>{t("team.name")}</TH>
              <TH>{t("team.email")}</TH>
              <TH>{t("team.role")}</TH>
              <TH>{t("team.joined")}</TH>
              {isOwner ? <TH className="text-end">{t("common.actions")}</TH> : null}
            </TR>
          </THead>
          <TBody>
            {members.map((member) => {
              const isSelf = member.userId === me.userId;
              return (
                <TR key={member.userId} data-testid="member-row">
                  <TD className="font-medium">
                    <span className="flex flex-wrap items-center gap-2">
                      {member.name}
                      {isSelf ? <Badge tone="neutral">{t("team.you")}</Badge> : null}
                      {member.deactivatedAt ? <Badge tone="warning">{t("team.deactivated")}</Badge> : null}
                    </span>
                  </TD>
                  <TD>
                    <bdi dir="ltr">{member.email}</bdi>
                  </TD>
                  <TD>
                    <Badge tone={member.role === "owner" ? "brand" : "neutral"} data-testid="member-role-badge">
                      {roleLabels[member.role]}
                    </Badge>
                  </TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(member.joinedAt, { dateStyle: "medium" })}
                  </TD>
                  {isOwner ? (
                    <TD className="text-end">
                      <MemberRowActions
                        userId={member.userId}
                        name={member.name}
                        role={member.role}
                        isSelf={isSelf}
                        roleLabels={roleLabels}
                      />
                    </TD>
                  ) : null}
                </TR>
              );
            })}
          </TBody>
        </Table>
      </section>

      {isOwner ? (
        <section aria-labelledby="invitations-heading" className="mt-8">
          <h2 id="invitations-heading" className="text-base font-semibold text-neutral-900">
            {t("team.invitations")}
          </h2>
          <p className="mb-3 mt-1 text-sm text-muted">{t("team.invitationsHint")}</p>
          {invitations.length === 0 ? (
            <EmptyState
              icon={<Mail className="size-5" />}
              title={t("team.noInvitations")}
              description={t("team.noInvitationsHint")}
            />
          ) : (
            <Table data-testid="invitations-table">
              <caption className="sr-only">{t("team.invitations")}</caption>
              <THead>
                <TR>
                  <TH>{t("team.email")}</TH>
                  <TH>{t("team.name")}</TH>
                  <TH>{t("team.role")}</TH>
                  <TH>{t("team.sent")}</TH>
                  <TH>{t("team.expires")}</TH>
                  <TH className="text-end">{t("common.actions")}</TH>
                </TR>
              </THead>
              <TBody>
                {invitations.map((invitation) => (
                  <TR key={invitation.id} data-testid="invitation-row">
                    <TD>
                      <bdi dir="ltr">{invitation.email}</bdi>
                    </TD>
                    <TD>{invitation.name ?? <span className="text-muted">{t("team.noName")}</span>}</TD>
                    <TD>
                      <Badge tone={invitation.role === "owner" ? "brand" : "neutral"}>
                        {roleLabels[invitation.role]}
                      </Badge>
                    </TD>
                    <TD className="whitespace-nowrap text-muted">
                      {format.dateTime(invitation.createdAt, { dateStyle: "medium" })}
                    </TD>
                    <TD className="whitespace-nowrap">
                      {invitation.expired ? (
                        <Badge tone="warning">{t("team.expired")}</Badge>
                      ) : (
                        <span className="text-muted">
                          {format.dateTime(invitation.expiresAt, { dateStyle: "medium" })}
                        </span>
                      )}
                    </TD>
                    <TD className="text-end">
                      <InvitationRowActions invitationId={invitation.id} email={invitation.email} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      ) : null}
    </>
  );
}

export default withClientMessages("(partner)/team/page", TeamPage);
