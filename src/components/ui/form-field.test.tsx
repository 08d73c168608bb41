import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, ChoiceFieldset, FormField } from "./form-field";
import { FileInput, Input, Textarea } from "./input";
import { Select } from "./select";

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);

/** The attributes of the first `<tag …>` in the markup (order-independent). */
function attrs(markup: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(markup)?.[1] ?? "";
  return Object.fromEntries([...element.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe("FormField", () => {
  it("gives its control the id, and nothing else when there is nothing to say", () => {
    const out = html(
      <FormField label="Company" htmlFor="companyName">
        <Input name="companyName" />
      </FormField>,
    );
    expect(attrs(out, "label").for).toBe("companyName");
    expect(attrs(out, "input")).toMatchObject({ id: "companyName", name: "companyName" });
    expect(out).not.toContain("aria-invalid");
    expect(out).not.toContain("aria-describedby");
  });

  it("describes the control by its hint and marks it invalid with its error", () => {
    const out = html(
      <FormField label="Website" htmlFor="website" hint="Like acme.com" error="Already registered">
        <Input name="website" />
      </FormField>,
    );
    expect(attrs(out, "input")).toMatchObject({
      id: "website",
      "aria-invalid": "true",
      "aria-describedby": "website-hint website-error",
    });
    expect(out).toContain('<p id="website-hint"');
    expect(out).toMatch(/<p id="website-error" role="alert"[^>]*>Already registered<\/p>/);
  });

  it("wires a Select, a Textarea and a FileInput the same way, even inside decoration", () => {
    const select = html(
      <FormField label="Plan" htmlFor="partner-plan" error="Pick one">
        <div className="flex">
          <Select>
            <option value="">None</option>
          </Select>
        </div>
      </FormField>,
    );
    expect(attrs(select, "select")).toMatchObject({
      id: "partner-plan",
      "aria-invalid": "true",
      "aria-describedby": "partner-plan-error",
    });
    const textarea = html(
      <FormField label="Reason" htmlFor="reject-reason" hint="Be kind">
        <Textarea name="reason" />
      </FormField>,
    );
    expect(attrs(textarea, "textarea")).toMatchObject({
      id: "reject-reason",
      "aria-describedby": "reject-reason-hint",
    });
    expect(attrs(textarea, "textarea")["aria-invalid"]).toBeUndefined();
    const file = html(
      <FormField label="CSV" htmlFor="csv-file" error="Choose a file">
        <FileInput name="csv" />
      </FormField>,
    );
    expect(attrs(file, "input")).toMatchObject({
      type: "file",
      id: "csv-file",
      "aria-invalid": "true",
      "aria-describedby": "csv-file-error",
    });
  });

  it("lets the control's own props win, and leaves controls outside a field alone", () => {
    const out = html(
      <FormField label="Email" htmlFor="email" error="Wrong">
        <Input aria-describedby="other" />
      </FormField>,
    );
    expect(attrs(out, "input")).toMatchObject({ id: "email", "aria-invalid": "true", "aria-describedby": "other" });
    const alone = attrs(html(<Input name="q" />), "input");
    expect(Object.keys(alone).filter((name) => name === "id" || name.startsWith("aria-"))).toEqual([]);
  });

  it("keeps a hidden label for screen readers", () => {
    const out = html(
      <FormField label="Rate for Gold (%)" htmlFor="tier-rate-gold" hideLabel required>
        <Input />
      </FormField>,
    );
    expect(out).toContain('<label for="tier-rate-gold" class="sr-only">Rate for Gold (%)</label>');
  });
});

describe("CheckboxField and ChoiceFieldset", () => {
  it("wire a checkbox to its error", () => {
    const out = html(<CheckboxField id="acceptTerms" name="acceptTerms" label="I accept" error="Accept the terms" />);
    expect(attrs(out, "input")).toMatchObject({
      id: "acceptTerms",
      name: "acceptTerms",
      type: "checkbox",
      "aria-invalid": "true",
      "aria-describedby": "acceptTerms-error",
    });
    expect(out).toContain('<label for="acceptTerms"');
    expect(out).toMatch(/<p id="acceptTerms-error" role="alert"/);
  });

  it("describe a group by its hint and error", () => {
    const out = html(
      <ChoiceFieldset id="campaign-tier" legend="Tiers" hint="None means all" error="Unknown tier">
        <input type="checkbox" />
      </ChoiceFieldset>,
    );
    expect(out).toContain('<fieldset aria-describedby="campaign-tier-hint campaign-tier-error"');
    expect(out).toContain('id="campaign-tier-hint"');
    expect(out).toContain('id="campaign-tier-error"');
  });
});
