import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAndWait, USERS } from "./helpers";

/**
 * Every page of every role, in English and in Arabic, at phone width (390 px): the page never
 * scrolls sideways. Wide tables scroll inside their own frame instead (components/ui/table.tsx).
 *
 * The pages come from the app itself: the role's navigation, then the links those pages show
 * (a list's first row opens its detail page, a tab its sub-page), one page per shape of address
 * (/manage/partners/<id> is visited once, with the first partner listed).
 */

const PHONE = { width: 390, height: 844 };

const ROLES = [
  { name: "admin", email: USERS.admin, landing: /\/manage$/ },
  { name: "manager", email: USERS.manager, landing: /\/manage$/ },
  { name: "finance", email: USERS.finance, landing: /\/manage$/ },
  { name: "partner owner", email: USERS.owner, landing: /\/dashboard$/ },
  { name: "partner member", email: USERS.member, landing: /\/dashboard$/ },
] as const;

/** Where a role's pages live; links elsewhere (public pages, downloads, the API) are not followed. */
const APP_PATHS = /^\/(manage|dashboard|leads|earnings|payouts|training|assets|mdf|team|settings|account)(\/|$)/;
/** Pages that are not part of the product (the benchmark's) or answer with a file. */
const SKIP = /^\/(manage\/)?bench(\/|$)|\.(csv|pdf)$|\/(export|statement|template|bank-file)(\/|$)/;
const MAX_PAGES = 60;
/** Pages kept as phone screenshots for a person to look at (test-results/artifacts/phone-<role>-<page>-<lang>.png). */
const SHOOT = /^\/manage(\/audit|\/partners\/[^/]+)?$/;

/** The address with its record ids replaced, so one partner stands for all of them. */
function shapeOf(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (/^[0-9a-f-]{16,}$/i.test(segment) || /\d{4,}/.test(segment) ? ":id" : segment))
    .join("/");
}

/** In-app links on the page: the navigation's and the main content's, as paths. */
async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('[data-testid="main-nav"] a[href], main a[href]')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin)
    .map((url) => url.pathname)
    .filter((path) => APP_PATHS.test(path) && !SKIP.test(path));
}

interface Overflow {
  scrollWidth: number;
  viewport: number;
  widest: string[];
}

/** The page's width and, when it is too wide, the elements that stick out furthest (not ones inside a scroller). */
async function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= viewport) return { scrollWidth, viewport, widest: [] };
    const rtl = document.documentElement.dir === "rtl";
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== "visible") return true;
      }
      return false;
    };
    const describe = (el: Element, by: number) => {
      const testId = el.getAttribute("data-testid");
      const cls = (el.getAttribute("class") ?? "").split(/\s+/).slice(0, 6).join(".");
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const width = Math.round(el.getBoundingClientRect().width);
      return `<${el.tagName.toLowerCase()}${testId ? ` data-testid=${testId}` : ""}${cls ? ` .${cls}` : ""}> ${width}px wide, ${Math.round(by)}px out: "${text}"`;
    };
    const out: { el: Element; by: number; depth: number }[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const by = rtl ? -rect.left : rect.right - viewport;
      if (by <= 1 || clipped(el)) continue;
      let depth = 0;
      for (let p = el.parentElement; p; p = p.parentElement) depth++;
      out.push({ el, by, depth });
    }
    // Furthest out first; for equal overhang the deepest element names the cause best.
    out.sort((a, b) => b.by - a.by || b.depth - a.depth);
    return { scrollWidth, viewport, widest: out.slice(0, 3).map((o) => describe(o.el, o.by)) };
  });
}

async function switchLanguage(page: Page, to: "ar" | "en") {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: to === "ar" ? "العربية" : "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", to === "ar" ? "rtl" : "ltr");
}

type Role = (typeof ROLES)[number];

/** One role's sweep in its own browser context: its pages in English, then the same in Arabic. */
async function sweep(browser: Browser, role: Role): Promise<{ visited: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  try {
    await signInAndWait(page, role.email, role.landing);

    const problems: string[] = [];
    const check = async (path: string, language: string) => {
      // The settled page: charts size themselves once hydrated (a server-rendered chart starts at its initial size).
      await page.waitForLoadState("networkidle");
      if (SHOOT.test(path)) {
        const name = `${role.name}-${shapeOf(path).replace(/[/:]+/g, "-").replace(/^-|-$/g, "")}-${language}`;
        await page.screenshot({
          path: `test-results/artifacts/phone-${name.replace(/\s+/g, "-")}.png`,
          fullPage: true,
        });
      }
      const overflow = await measure(page);
      if (overflow.scrollWidth > overflow.viewport) {
        problems.push(
          `${path} (${language}): ${overflow.scrollWidth}px > ${overflow.viewport}px\n      ${overflow.widest.join("\n      ")}`,
        );
      }
    };

    // English: walk the role's pages from its navigation, one page per address shape.
    const visited: string[] = [];
    const seenShapes = new Set<string>();
    const queue = [new URL(page.url()).pathname, "/account", ...(await linksOn(page))];
    while (queue.length > 0 && visited.length < MAX_PAGES) {
      const path = queue.shift()!;
      const shape = shapeOf(path);
      if (seenShapes.has(shape)) continue;
      seenShapes.add(shape);
      // A link that answers with a file (a download) is not a page: skipped.
      const response = await page.goto(path).catch((error: Error) => {
        if (/Download is starting/.test(error.message)) return null;
        throw error;
      });
      // A link can lead somewhere this role may not go (a redirect) or to a page that is not there.
      if (!response || response.status() >= 400 || shapeOf(new URL(page.url()).pathname) !== shape) continue;
      visited.push(path);
      await check(path, "en");
      queue.push(...(await linksOn(page)));
    }

    // Arabic: the same pages. The choice is saved on the account, so it is put back afterwards.
    await switchLanguage(page, "ar");
    try {
      for (const path of visited) {
        await page.goto(path);
        await check(path, "ar");
      }
    } finally {
      await page.goto(visited[0]!);
      await switchLanguage(page, "en");
    }
    return { visited, problems };
  } finally {
    await context.close();
  }
}

/**
 * Roles are swept side by side, each in its own context as its own user (the language each saves
 * is its own): most of a page check is waiting for the network to settle, and those waits overlap.
 */
const AT_ONCE = 3;

test("every page of every role fits a 390 px phone in English and Arabic", async ({ browser }) => {
  test.setTimeout(600_000);
  const pending = [...ROLES];
  const outcomes = new Map<Role, PromiseSettledResult<{ visited: string[]; problems: string[] }>>();
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      for (let role = pending.shift(); role; role = pending.shift()) {
        outcomes.set(
          role,
          await sweep(browser, role).then(
            (value) => ({ status: "fulfilled", value }) as const,
            (reason: unknown) => ({ status: "rejected", reason }) as const,
          ),
        );
      }
    }),
  );
  for (const role of ROLES) {
    const outcome = outcomes.get(role)!;
    if (outcome.status === "rejected") throw outcome.reason;
    const { visited, problems } = outcome.value;
    expect.soft(visited.length, `pages found for ${role.name}`).toBeGreaterThan(3);
    expect
      .soft(
        problems,
        `pages wider than the phone for ${role.name} (visited: ${visited.join(", ")}):\n  ${problems.join("\n  ")}`,
      )
      .toEqual([]);
  }
});
