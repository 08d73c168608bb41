import { getTranslations } from "next-intl/server";
import { api } from "@/server/trpc/server";

export interface TierChoice {
  id: string;
  label: string;
}

/** The program's tiers, lowest first, named in the reader's language. */
export async function tierChoices(): Promise<TierChoice[]> {
  const [{ tiers }, t] = await Promise.all([(await api()).manage.partners.options(), getTranslations("tiers")]);
  return tiers.map((tier) => ({ id: tier.id, label: t.has(tier.key as never) ? t(tier.key as never) : tier.name }));
}
