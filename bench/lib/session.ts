/** Signs in through Auth.js's own endpoints, as a browser would, and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // The proxy and the route may each set a CSRF cookie; as in a browser, the last one wins.
  const jar = new Map(
    csrf.headers.getSetCookie().map((c) => c.split(";")[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session)
    throw new Error(
      `could not sign in as ${email} (HTTP ${response.status}); was the database filled by npm run bench:seed?`,
    );
  return session.split(";")[0]!;
}
