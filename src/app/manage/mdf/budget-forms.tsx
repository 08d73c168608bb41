"use client";

import { useTranslations } from "next-intl";
import { Button, Card, CardBody, CardHeader, FormAlert, Input, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

export interface BudgetGridView {
  year: number;
  quarter: number;
  currency: string;
  deadlineDays: number;
  tiers: { id: string; key: string; name: string; amount: string }[];
  partners: { id: string; name: string; tierAmount: string | null; override: string; note: string }[];
}

/** One allocation: a tier's, or a partner's override (empty removes it). */
function AmountForm({
  target,
  year,
  quarter,
  defaultValue,
  note,
  label,
  canEdit,
  testId,
}: {
  target: { tierId: string } | { partnerId: string };
  year: number;
  quarter: number;
  defaultValue: string;
  note?: string;
  label: string;
  canEdit: boolean;
  testId: string;
}) {
  const t = useTranslations("mdfAdmin.budgets");
  const trpc = useTRPC();
  const { submit, field, errors, pending } = useFormMutation(trpc.manage.mdf.setBudget.mutationOptions(), {
    done: t("saved"),
  });
  const onSubmit = submit((data) => ({
    ...target,
    year,
    quarter,
    amount: String(data.get("amount") ?? "").trim(),
    note: String(data.get("note") ?? note ?? "").trim(),
  }));
  const error = field("amount") ?? errors.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" data-testid={testId}>
      <div className="flex flex-col gap-1">
        <Input
          name="amount"
          aria-label={label}
          defaultValue={defaultValue}
          inputMode="decimal"
          dir="ltr"
          className="w-32 tabular-nums"
          disabled={!canEdit}
          aria-invalid={error ? true : undefined}
        />
        {error ? <p className="text-xs text-danger-700">{error}</p> : null}
      </div>
      {note !== undefined ? (
        <Input
          name="note"
          aria-label={t("note")}
          defaultValue={note}
          maxLength={500}
          className="w-48"
          disabled={!canEdit}
          placeholder={t("notePlaceholder")}
        />
      ) : null}
      {canEdit ? (
        <Button type="submit" size="sm" variant="secondary" loading={pending}>
          {t("save")}
        </Button>
      ) : null}
    </form>
  );
}

function DeadlineForm({ days, canEdit }: { days: number; canEdit: boolean }) {
  const t = useTranslations("mdfAdmin.budgets");
  const trpc = useTRPC();
  const { submit, field, errors, pending } = useFormMutation(trpc.manage.mdf.setClaimDeadline.mutationOptions(), {
    done: t("deadlineSaved"),
  });
  const onSubmit = submit((data) => ({ days: Number(String(data.get("days") ?? "")) }));
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" data-testid="claim-deadline-form">
      <label className="flex flex-col gap-1 text-sm font-medium text-neutral-900">
        {t("deadlineDays")}
        <Input
          name="days"
          type="number"
          min={1}
          max={365}
          defaultValue={days}
          className="w-28"
          dir="ltr"
          disabled={!canEdit}
        />
      </label>
      {canEdit ? (
        <Button type="submit" size="sm" variant="secondary" loading={pending}>
          {t("save")}
        </Button>
      ) : null}
      <FormAlert message={field("days") ?? errors.message} />
    </form>
  );
}

/** The budgets view: each tier's allocation for the quarter, each partner's override, and the claim deadline. */
export function BudgetForms({
  grid,
  quarterLabel,
  canEdit,
}: {
  grid: BudgetGridView;
  quarterLabel: string;
  canEdit: boolean;
}) {
  const t = useTranslations("mdfAdmin.budgets");
  const tt = useTranslations("tiers");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("tiersTitle", { quarter: quarterLabel })}
          description={t("tiersHint", { currency: grid.currency })}
        />
        <CardBody>
          <Table data-testid="tier-budgets">
            <THead>
              <TR>
                <TH>{t("tier")}</TH>
                <TH>{t("amount", { currency: grid.currency })}</TH>
              </TR>
            </THead>
            <TBody>
              {grid.tiers.map((tier) => (
                <TR key={`${grid.year}-${grid.quarter}-${tier.id}`}>
                  <TD className="font-medium">{tt.has(tier.key) ? tt(tier.key) : tier.name}</TD>
                  <TD>
                    <AmountForm
                      target={{ tierId: tier.id }}
                      year={grid.year}
                      quarter={grid.quarter}
                      defaultValue={tier.amount}
                      label={t("amountFor", { name: tt.has(tier.key) ? tt(tier.key) : tier.name })}
                      canEdit={canEdit}
                      testId={`tier-budget-${tier.key}`}
                    />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("overridesTitle")} description={t("overridesHint")} />
        <CardBody>
          <Table data-testid="partner-budgets">
            <THead>
              <TR>
                <TH>{t("partner")}</TH>
                <TH>{t("tierAmount")}</TH>
                <TH>{t("override", { currency: grid.currency })}</TH>
              </TR>
            </THead>
            <TBody>
              {grid.partners.map((p) => (
                <TR key={`${grid.year}-${grid.quarter}-${p.id}`}>
                  <TD className="font-medium">
                    <bdi>{p.name}</bdi>
                  </TD>
                  <TD className="tabular-nums">
                    {p.tierAmount ? <bdi dir="ltr">{p.tierAmount}</bdi> : t("noTierBudget")}
                  </TD>
                  <TD>
                    <AmountForm
                      target={{ partnerId: p.id }}
                      year={grid.year}
                      quarter={grid.quarter}
                      defaultValue={p.override}
                      note={p.note}
                      label={t("amountFor", { name: p.name })}
                      canEdit={canEdit}
                      testId="partner-budget"
                    />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("deadlineTitle")} description={t("deadlineHint")} />
        <CardBody>
          <DeadlineForm days={grid.deadlineDays} canEdit={canEdit} />
        </CardBody>
      </Card>
    </div>
  );
}
