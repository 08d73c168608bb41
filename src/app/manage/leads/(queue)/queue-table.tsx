"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import {
  AlertTriangle,
  Badge,
  Button,
  Check,
  cn,
  Dialog,
  FormField,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  X,
  type SortDirection,
  FormAlert,
  Textarea,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormErrors } from "@/trpc/use-form-errors";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import type { LeadStatus } from "@/server/domains/leads/history";

/** The columns the queue sorts by (the page keeps the list; a client module exports only types to the server). */
export type QueueSort = "createdAt" | "companyName" | "partner" | "estimatedValue" | "expectedCloseDate";

/** One lead of the queue, already formatted for the reader by the server page. */
export interface QueueRow {
  id: string;
  companyName: string;
  domain: string;
  partnerName: string;
  productName: string;
  estimatedValue: string;
  expectedClose: string;
  registered: string;
  registeredAt: string;
  status: LeadStatus;
  flagged: boolean;
  conflictCount: number;
}

interface BulkResult {
  action: "approve" | "reject";
  done: number;
  refused: { leadId: string; company: string | null; message: string }[];
}

function SelectAll({
  checked,
  indeterminate,
  onChange,
  label,
}: {
  checked: boolean;
  indeterminate: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      aria-label={label}
      className="size-4 accent-brand-600"
      data-testid="select-all-leads"
    />
  );
}

/** The review queue: sortable columns, and for reviewers a selection that approves or rejects many at once. */
export function QueueTable({
  rows,
  sorts,
  canReview,
  empty,
}: {
  rows: QueueRow[];
  sorts: Record<QueueSort, { href: string; direction: SortDirection }>;
  canReview: boolean;
  /** Shown instead of the table when the page has no lead. */
  empty: ReactNode;
}) {
  const t = useTranslations("leadReview");
  const tc = useTranslations("common");
  const tcol = useTranslations("leads.columns");
  const tf = useTranslations("leadFields");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, field } = useFormErrors();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [rejectOpen, setRejectOpen] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);

  // Only leads still on this page count as selected (a refresh may have moved some away).
  const selected = useMemo(() => rows.filter((r) => chosen.has(r.id)).map((r) => r.id), [rows, chosen]);
  const allSelected = rows.length > 0 && selected.length === rows.length;
  const companies = useMemo(() => new Map(rows.map((r) => [r.id, r.companyName])), [rows]);

  function toggle(id: string, on: boolean) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const bulk = useMutation(
    trpc.manage.leads.bulk.mutationOptions({
      onSuccess: (answer, input) => {
        setResult({
          action: input.action,
          done: answer.done.length,
          refused: answer.refused.map((r) => ({
            leadId: r.leadId,
            company: companies.get(r.leadId) ?? null,
            message: r.message,
          })),
        });
        setChosen(new Set());
        setRejectOpen(false);
        clear();
        router.refresh();
      },
      onError: (error, input) => {
        if (input.action === "reject") fromError(error);
        else feedback.failed(error);
      },
    }),
  );

  function approve() {
    setResult(null);
    bulk.mutate({ action: "approve", leadIds: selected });
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    setResult(null);
    const data = new FormData(event.currentTarget);
    bulk.mutate({ action: "reject", leadIds: selected, reason: String(data.get("reason") ?? "") });
  }

  function closeReject() {
    setRejectOpen(false);
    clear();
  }

  const reasonError = field("reason");
  const formMessage = errors.message && !reasonError ? errors.message : null;
  const count = (n: number) => ({ count: n, formatted: format.number(n) });

  return (
    <>
      {result ? (
        <div
          role="status"
          className="mb-4 rounded-lg border border-border bg-surface p-4 shadow-xs"
          data-testid="bulk-result"
        >
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0 space-y-2 text-sm">
              <p className="flex items-center gap-2 font-medium text-neutral-900">
                <Check className="size-4 text-success-600" />
                <span data-testid="bulk-done">
                  {result.action === "approve"
                    ? t("bulk.approvedCount", count(result.done))
                    : t("bulk.rejectedCount", count(result.done))}
                </span>
              </p>
              {result.refused.length > 0 ? (
                <>
                  <p className="flex items-center gap-2 font-medium text-danger-700">
                    <AlertTriangle className="size-4" />
                    {t("bulk.refusedCount", count(result.refused.length))}
                  </p>
                  <ul className="ms-6 list-disc space-y-1">
                    {result.refused.map((r) => (
                      <li key={r.leadId} data-testid="bulk-refused">
                        <span className="font-medium" dir="auto">
                          {r.company ?? t("bulk.unknownLead")}
                        </span>
                        {": "}
                        <span className="text-muted">{r.message}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => setResult(null)}
              aria-label={tc("dismiss")}
              className="-m-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900"
            >
              <X className="size-4" />
            </button>
          </div>
        </div>
      ) : null}
      {rows.length === 0 ? (
        empty
      ) : (
        <Table data-testid="lead-queue">
          <THead>
            <TR>
              {canReview ? (
                <TH className="w-10">
                  <SelectAll
                    checked={allSelected}
                    indeterminate={selected.length > 0 && !allSelected}
                    onChange={(on) => setChosen(on ? new Set(rows.map((r) => r.id)) : new Set())}
                    label={t("selectAll")}
                  />
                </TH>
              ) : null}
              <SortableTH href={sorts.companyName.href} direction={sorts.companyName.direction}>
                {tcol("company")}
              </SortableTH>
              <SortableTH href={sorts.partner.href} direction={sorts.partner.direction}>
                {tcol("partner")}
              </SortableTH>
              <TH>{tcol("product")}</TH>
              <SortableTH href={sorts.estimatedValue.href} direction={sorts.estimatedValue.direction} numeric>
                {tcol("estimatedValue")}
              </SortableTH>
              <SortableTH href={sorts.expectedCloseDate.href} direction={sorts.expectedCloseDate.direction}>
                {tcol("expectedClose")}
              </SortableTH>
              <SortableTH href={sorts.createdAt.href} direction={sorts.createdAt.direction}>
                {tcol("registered")}
              </SortableTH>
              <TH>{tcol("status")}</TH>
              <TH>{t("columns.conflict")}</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((row) => {
              const isChosen = chosen.has(row.id);
              const conflicted = row.flagged || row.conflictCount > 0;
              return (
                <TR
                  key={row.id}
                  data-testid="lead-row"
                  data-lead-id={row.id}
                  className={cn(isChosen && "bg-brand-50/60")}
                >
                  {canReview ? (
                    <TD>
                      <input
                        type="checkbox"
                        checked={isChosen}
                        onChange={(e) => toggle(row.id, e.target.checked)}
                        aria-label={t("selectLead", { company: row.companyName })}
                        className="size-4 accent-brand-600"
                        data-testid="select-lead"
                      />
                    </TD>
                  ) : null}
                  <TD>
                    <Link
                      href={`/manage/leads/${row.id}`}
                      className="font-medium text-brand-700 hover:underline"
                      dir="auto"
                    >
                      <bdi>{row.companyName}</bdi>
                    </Link>
                    <span className="block text-xs text-muted">
                      <bdi dir="ltr">{row.domain}</bdi>
                    </span>
                  </TD>
                  <TD dir="auto">{row.partnerName}</TD>
                  <TD>{row.productName}</TD>
                  <TD numeric className="whitespace-nowrap">
                    {row.estimatedValue}
                  </TD>
                  <TD className="whitespace-nowrap">{row.expectedClose}</TD>
                  <TD className="whitespace-nowrap text-muted">
                    <time dateTime={row.registeredAt}>{row.registered}</time>
                  </TD>
                  <TD>
                    <LeadStatusBadge status={row.status} />
                  </TD>
                  <TD>
                    {conflicted ? (
                      <Badge
                        tone="warning"
                        title={t("conflictHint", count(row.conflictCount))}
                        data-testid="conflict-badge"
                      >
                        <AlertTriangle className="size-3.5" />
                        {t("conflict")}
                        {row.conflictCount > 0 ? (
                          <span className="tabular-nums">{format.number(row.conflictCount)}</span>
                        ) : null}
                        <span className="sr-only">{t("conflictHint", count(row.conflictCount))}</span>
                      </Badge>
                    ) : null}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      {canReview && selected.length > 0 ? (
        <div
          role="region"
          aria-label={t("bulk.bar")}
          className="sticky bottom-4 z-10 mt-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border-strong bg-surface px-4 py-3 shadow-md"
          data-testid="bulk-bar"
        >
          <p className="text-sm font-medium tabular-nums" aria-live="polite">
            {t("bulk.selected", count(selected.length))}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="ghost" size="sm" onClick={() => setChosen(new Set())}>
              {t("bulk.clear")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setRejectOpen(true)}
              disabled={bulk.isPending}
              data-testid="bulk-reject"
            >
              <X className="size-4" />
              {t("bulk.reject")}
            </Button>
            <Button
              size="sm"
              onClick={approve}
              loading={bulk.isPending && bulk.variables.action === "approve"}
              disabled={bulk.isPending}
              data-testid="bulk-approve"
            >
              <Check className="size-4" />
              {t("bulk.approve")}
            </Button>
          </div>
        </div>
      ) : null}
      <Dialog
        open={rejectOpen}
        onClose={closeReject}
        title={t("bulk.rejectTitle", count(selected.length))}
        description={t("bulk.rejectHint")}
        closeLabel={tc("close")}
      >
        {rejectOpen ? (
          <form onSubmit={reject} noValidate className="space-y-4">
            <FormAlert message={formMessage} />
            <FormField
              label={tf("reason")}
              htmlFor="bulk-reason"
              hint={t("bulk.reasonHint")}
              error={reasonError}
              required
            >
              <Textarea name="reason" rows={5} required maxLength={2000} />
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={closeReject}>
                {tc("cancel")}
              </Button>
              <Button
                type="submit"
                variant="danger"
                loading={bulk.isPending}
                disabled={selected.length === 0}
                data-testid="bulk-reject-confirm"
              >
                {t("bulk.confirmReject")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}
