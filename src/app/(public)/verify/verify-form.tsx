import { getTranslations } from "next-intl/server";
import { buttonClasses, FormField, Input } from "@/components/ui";

/** A plain form (no script needed): it asks /verify?code=…, which opens that code's page. */
export async function VerifyForm({ defaultCode = "" }: { defaultCode?: string }) {
  const t = await getTranslations("verifyCertificate");
  return (
    <form action="/verify" method="get" className="space-y-4" data-testid="verify-form">
      <FormField label={t("codeLabel")} htmlFor="verify-code" hint={t("codeHint")}>
        <Input
          name="code"
          defaultValue={defaultCode}
          required
          maxLength={64}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          className="font-mono"
        />
      </FormField>
      <button type="submit" className={buttonClasses("primary")}>
        {t("submit")}
      </button>
    </form>
  );
}
