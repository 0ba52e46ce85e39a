/**
 * Asks next-auth for an e-mail sign-in link: the two requests of next-auth/react's `signIn("email")`
 * (its CSRF token, then the form post with `json`), without its first one. That one lists the
 * providers and, when it gets no answer, sends the browser to /api/auth/error: on a phone whose
 * link just dropped, the browser's offline page instead of the form. Here a request without an
 * answer rejects, and the form says so. The answer keeps its URL on a refusal, so the form reads
 * the wait from `retryAfter` (lib/auth/sign-in-guard.ts).
 */
export type LinkAnswer = { ok: boolean; status: number; error: string | null; url: string };

export async function requestSignInLink(email: string, callbackUrl: string): Promise<LinkAnswer> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signin/email", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return { ok: response.ok, status: response.status, error: new URL(url, window.location.href).searchParams.get("error"), url };
}
