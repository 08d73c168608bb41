"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, ChoiceFieldset, FormAlert } from "@/components/ui";
import type { PayoutMethod } from "@/server/domains/payouts/settings";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

const METHODS = ["stripe", "bank"] as const satisfies readonly PayoutMethod[];

/** Where the program allows bank transfers, the owner picks Stripe or the saved bank account. */
export function MethodChoice({ method, hasBank }: { method: PayoutMethod; hasBank: boolean }) {
  const t = useTranslations("payoutsPortal.method");
  const trpc = useTRPC();
  const [choice, setChoice] = useState<PayoutMethod>(method);
  const { submit, errors, pending } = useFormMutation(trpc.partner.payouts.chooseMethod.mutationOptions(), {
    done: t("saved"),
  });
  const onSubmit = submit(() => ({ method: choice }));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="method-form">
      <ChoiceFieldset id="payout-method" legend={t("legend")} hint={hasBank ? undefined : t("bankFirst")}>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {METHODS.map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="method"
                value={m}
                checked={choice === m}
                disabled={m === "bank" && !hasBank}
                onChange={() => setChoice(m)}
                className="size-4 accent-brand-600"
              />
              {t(`methods.${m}`)}
            </label>
          ))}
        </div>
      </ChoiceFieldset>
      <FormAlert message={errors.message} />
      {choice !== method ? (
        <Button type="submit" size="sm" loading={pending} data-testid="save-method">
          {t("save")}
        </Button>
      ) : null}
    </form>
  );
}
