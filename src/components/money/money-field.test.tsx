import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CurrencySelect } from "./currency-select";
import { MoneyField } from "./money-field";

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);

/** The attributes of the first `<tag …>` in the markup (order-independent). */
function attrs(markup: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(markup)?.[1] ?? "";
  return Object.fromEntries([...element.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe("MoneyField", () => {
  it("renders the amount and its currency as two wired fields with the ids forms use", () => {
    const out = html(
      <MoneyField
        id="won-amount"
        name="amount"
        label="Amount"
        hint="Like 12,500.00"
        error="Not an amount"
        required
        currency={{
          id: "won-currency",
          name: "currency",
          label: "Currency",
          error: "Unknown currency",
          required: true,
          defaultValue: "EUR",
          currencies: ["USD", "EUR"],
        }}
      />,
    );
    expect(attrs(out, "input")).toMatchObject({
      name: "amount",
      id: "won-amount",
      inputMode: "decimal",
      dir: "ltr",
      maxLength: "24",
      required: "",
      "aria-invalid": "true",
      "aria-describedby": "won-amount-hint won-amount-error",
    });
    expect(attrs(out, "select")).toMatchObject({
      name: "currency",
      id: "won-currency",
      required: "",
      "aria-invalid": "true",
      "aria-describedby": "won-currency-error",
    });
    expect(out).toContain('<p id="won-amount-error"');
    expect(out).toContain('<p id="won-currency-error"');
  });

  it("stands alone when the currency is fixed", () => {
    const out = html(<MoneyField id="correct-amount" name="amount" label="Amount" />);
    expect(out).toContain('id="correct-amount"');
    expect(out).not.toContain("<select");
  });
});

describe("CurrencySelect", () => {
  it("offers the selected code even when the list lacks it, after an optional empty choice", () => {
    const out = html(<CurrencySelect currencies={["USD", "EUR"]} defaultValue="KWD" emptyLabel="USD (program)" />);
    const values = [...out.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual(["", "KWD", "USD", "EUR"]);
  });
});
