/** Emails are stored and compared lower-cased and trimmed; the unique index on users relies on it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
