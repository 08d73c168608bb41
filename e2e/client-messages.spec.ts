import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { clientUsage } from "../src/i18n/client-usage";
import { pickMessages, type Tree } from "../src/i18n/pick-messages";
import { forgetSession, signInAndWait, USERS } from "./helpers";

// Issue 17: the HTML of a page carries exactly the words its client components read (the layouts'
// and the page's own shares, src/i18n/client-messages.json), never a namespace they do not use.

const root = path.resolve(import.meta.dirname, "..");
const json = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8")) as T;
const usage = clientUsage(root);
const shares = json<Record<string, string[]>>("src/i18n/client-messages.json");
const catalogue = { en: json<Tree>("src/i18n/messages/en.json"), ar: json<Tree>("src/i18n/messages/ar.json") };

/** Every message path (leaf) of a tree. */
function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );
}

/** The React Server Components payload a server-rendered page inlines, unescaped. */
function flightOf(html: string): string {
  const chunks = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)];
  return chunks.map((m) => JSON.parse(m[1]!) as string).join("");
}

/** The `messages` objects handed to the client providers in a payload. */
function handedMessages(flight: string): Tree[] {
  const found: Tree[] = [];
  for (const m of flight.matchAll(/"messages":\{/g)) {
    const start = m.index! + '"messages":'.length;
    let depth = 0;
    let inString = false;
    for (let i = start; i < flight.length; i++) {
      const c = flight[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        found.push(JSON.parse(flight.slice(start, i + 1)) as Tree);
        break;
      }
    }
  }
  return found;
}

async function expectShare(page: Page, url: string, entry: string, locale: "en" | "ar" = "en") {
  const response = await page.context().request.get(url);
  expect(response.status(), url).toBe(200);
  const handed = handedMessages(flightOf(await response.text())).flatMap((tree) => leaves(tree));
  const chain = usage.chains[entry];
  expect(chain, `${entry} is a route entry`).toBeDefined();
  const paths = [...chain!, entry].flatMap((e) => shares[e] ?? []);
  const expected = leaves(pickMessages(catalogue[locale], paths));
  // Each word once, and only the words the entry's client components read.
  expect(handed.length, `${url}: a word handed out twice`).toBe(new Set(handed).size);
  expect([...handed].sort(), url).toEqual([...expected].sort());
}

test("each page's HTML carries only the words its client components read", async ({ page }) => {
  await expectShare(page, "/login", "(public)/login/page");
  await expectShare(page, "/apply", "(public)/apply/page");
  await expectShare(page, "/forgot", "(public)/forgot/page");

  await signInAndWait(page, USERS.owner, /\/dashboard$/);
  for (const [url, entry] of [
    ["/dashboard", "(partner)/dashboard/page"],
    ["/earnings", "(partner)/earnings/page"],
    ["/leads", "(partner)/leads/(list)/page"],
    ["/leads/new", "(partner)/leads/new/page"],
    ["/payouts", "(partner)/payouts/page"],
    ["/team", "(partner)/team/page"],
    ["/settings", "(partner)/settings/page"],
    ["/account", "account/page"],
  ] as const)
    await expectShare(page, url, entry);

  await forgetSession(page);
  await signInAndWait(page, USERS.admin, /\/manage$/);
  for (const [url, entry] of [
    ["/manage", "manage/(overview)/page"],
    ["/manage/leads", "manage/leads/(queue)/page"],
    ["/manage/partners", "manage/partners/page"],
    ["/manage/customers", "manage/customers/page"],
    ["/manage/commissions/plans", "manage/commissions/plans/page"],
    ["/manage/payouts", "manage/payouts/page"],
    ["/manage/settings", "manage/settings/page"],
  ] as const)
    await expectShare(page, url, entry);

  await forgetSession(page);
  await signInAndWait(page, USERS.arabicOwner, /\/dashboard$/);
  await expectShare(page, "/dashboard", "(partner)/dashboard/page", "ar");
  await expectShare(page, "/leads/new", "(partner)/leads/new/page", "ar");
});
