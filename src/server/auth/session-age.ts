/** How long a session lasts without a visit: 30 days, rolled forward once a day while in use. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
