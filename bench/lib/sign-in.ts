/**
 * Signs a person in over HTTP as the web app does, and returns the headers a
 * client sends with each later request: the cookies and the CSRF token. The
 * token is the one the sign-in answers with: it is keyed to the new session
 * (decision 0025), so the one fetched before signing in no longer counts.
 */
export async function signInOverHttp(address: string, email: string, password: string): Promise<Record<string, string>> {
  const before = await fetch(`${address}/api/session`);
  const csrfCookie = before.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await before.json()) as { csrfToken: string };
  const session = await fetch(`${address}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrfCookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password }),
  });
  if (session.status !== 200) throw new Error(`sign-in of ${email} failed: ${session.status} ${await session.text()}`);
  const signedIn = (await session.json()) as { csrfToken: string };
  return { cookie: [csrfCookie, ...session.headers.getSetCookie().map((c) => c.split(';')[0])].join('; '), 'x-csrf-token': signedIn.csrfToken };
}
