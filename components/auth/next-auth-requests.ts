/**
 * The browser's two requests to next-auth, without next-auth/react. Its `signIn("email")` first
 * lists the providers and, when that gets no answer, sends the browser to /api/auth/error: on a
 * phone whose link just dropped, the browser's offline page instead of the form. Its `signOut()`
 * posts whatever its CSRF request gave, `undefined` when that got no answer, and reports success
 * even when next-auth then refused the post. Here a request without an answer rejects, and so
 * does a refused sign-out: the caller says so, the person tries again.
 */
async function csrfToken(): Promise<string> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  return csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<{ response: Response; url: URL }> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return { response, url: new URL(url, window.location.href) };
}

export type LinkAnswer = { ok: boolean; status: number; error: string | null; url: URL };

/** Asks for an e-mail sign-in link. The answer keeps its URL on a refusal, so the form reads the wait from `retryAfter` (lib/auth/sign-in-guard.ts). */
export async function requestSignInLink(email: string, callbackUrl: string): Promise<LinkAnswer> {
  const { response, url } = await post("/api/auth/signin/email", { email, callbackUrl });
  return { ok: response.ok, status: response.status, error: url.searchParams.get("error"), url };
}

/** Ends the session on the server (next-auth deletes its row and clears the cookie). */
export async function requestSignOut(): Promise<void> {
  const { response, url } = await post("/api/auth/signout", { callbackUrl: "/signin" });
  // A refused CSRF token answers with a way back to a form (`?csrf=true`), not an error status.
  if (!response.ok || url.searchParams.has("csrf")) throw new Error("The session was not ended.");
}
