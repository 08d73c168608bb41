import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import ar from "./messages/ar.json";
import en from "./messages/en.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const english = flatten(en as Tree);
const arabic = flatten(ar as Tree);

describe("messages", () => {
  it("English and Arabic have exactly the same keys", () => {
    const onlyEnglish = [...english.keys()].filter((k) => !arabic.has(k));
    const onlyArabic = [...arabic.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlyArabic }).toEqual({ onlyEnglish: [], onlyArabic: [] });
  });

  it("every message is valid ICU in its language", () => {
    for (const [locale, messages] of [
      ["en", english],
      ["ar", arabic],
    ] as const) {
      for (const [key, message] of messages) {
        expect(() => new IntlMessageFormat(message, locale), `${locale}: ${key}`).not.toThrow();
      }
    }
  });

  it("Arabic is translated, not copied", () => {
    const copied = [...english]
      .filter(([key, value]) => value.length > 12 && arabic.get(key) === value)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });
});
