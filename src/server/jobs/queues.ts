/** Every queue the app uses, with its retry policy. */
export const QUEUES = {
  /** Delivers due emails from the outbox; runs every minute and when nudged. */
  emailOutbox: { name: "email-outbox", options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 } },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];
