/**
 * When periodic tier reviews fall (the only time a partner's tier may move down on its numbers):
 * pure date arithmetic shared by the nightly run and the forms that explain it.
 */

/** Review cadences the program allows, in months. */
export const TIER_REVIEW_MONTHS = [1, 3, 6, 12] as const;

/**
 * Tier reviews fall on the 1st of every `months`-th month, counted from January (UTC): months
 * 1, 4, 7 and 10 for 3; every month for 1; January and July for 6; January for 12.
 */
export function isReviewDay(at: Date, months: number): boolean {
  return at.getUTCDate() === 1 && at.getUTCMonth() % months === 0;
}

/** The first review day (its midnight, UTC) strictly after `after`. */
export function nextReviewDay(after: Date, months: number): Date {
  let year = after.getUTCFullYear();
  let month = after.getUTCMonth() + 1;
  for (;;) {
    if (month > 11) {
      year += 1;
      month = 0;
    }
    if (month % months === 0) return new Date(Date.UTC(year, month, 1));
    month += 1;
  }
}

/** The months (0 = January) reviews fall in, for saying so in words. */
export function reviewMonthsOfYear(months: number): number[] {
  return Array.from({ length: 12 }, (_, m) => m).filter((m) => m % months === 0);
}
