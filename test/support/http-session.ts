/**
 * Signs in over real HTTP as a browser would — a CSRF token for the anonymous session, then the
 * login — and returns the session cookie and the new CSRF token, for tools that send raw requests
 * (the fuzzer, the benchmark).
 */
export async function signInOverHttp(
  base: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ cookie: string; csrf: string }> {
  const cookieOf = (res: Response, fallback = '') => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') || fallback;
  const first = await fetch(`${base}/api/v1/auth/csrf`, { headers });
  const anonymous = cookieOf(first);
  const { token } = (await first.json()) as { token: string };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', 'X-CSRF-Token': token, Cookie: anonymous },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie: cookieOf(login, anonymous), csrf: csrfToken };
}
