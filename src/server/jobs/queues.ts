/** Every queue the app uses, with its retry policy. */
export const QUEUES = {
  /** Delivers due emails from the outbox; runs every minute and when nudged. */
  emailOutbox: {
    name: "email-outbox",
    options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  },
  /** Warns about and expires approved leads without progress; runs hourly. */
  /** Makes commissions payable once their hold period has passed; runs every 15 minutes. */
  commissionRelease: {
    name: "commission-release",
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  },
  /** Recomputes every partner's tier and ends overrides that ran out; runs nightly. */
  tierRecompute: {
    name: "tier-recompute",
    options: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 3600 },
  },
  /**
   * Reminds people 30 days before a certification expires, and at expiry tells them and rechecks
   * their partner's tier; daily, before the nightly tier recompute.
   */
  certificationExpiry: {
    name: "certification-expiry",
    options: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 3600 },
  },
  leadLifecycle: {
    name: "lead-lifecycle",
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  },
  /**
   * Sends the queued payouts of approved runs through Stripe; nudged when a run is approved or a
   * payout retried, and every minute so a crashed worker's run is picked up again.
   */
  payoutExecute: {
    name: "payout-execute",
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  },
  /** Matches each executing or recently finished run's Stripe transfers to its payouts; every 10 minutes. */
  payoutReconcile: {
    name: "payout-reconcile",
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800 },
  },
  /** Makes the month's draft run on the program's payout day; daily. */
  payoutSchedule: {
    name: "payout-schedule",
    options: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];
