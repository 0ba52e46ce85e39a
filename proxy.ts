import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security/security-headers";

// A convenience only: it sends visitors without a session cookie to sign-in
// early and tells pages their own path (for the way back). Every page, action
// and route handler still checks the session, role and ownership itself.

const publicPrefixes = ["/signin", "/api/auth", "/api/health", "/api/dev", "/dev/mailbox"];
const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function withHeaders(response: NextResponse, extra: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = publicPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  // CSP with a fresh nonce, and HSTS behind https (lib/security/security-headers.ts).
  const security = securityHeaders({
    nonce: createNonce(),
    publicUrl: process.env.PUBLIC_URL ?? process.env.NEXTAUTH_URL,
    development: process.env.NODE_ENV === "development",
  });

  if (!isPublic && !hasSession && !pathname.startsWith("/api/")) {
    const signIn = new URL("/signin", request.url);
    // The home page is nobody's specific request: after sign-in each role lands in its own area.
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(signIn), security);
  }

  const headers = new Headers(request.headers);
  headers.set("x-passerelle-path", `${pathname}${search}`);
  // Next takes the nonce from the request's policy and stamps it on its own scripts.
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers } }), security);
}

export const config = {
  // Not the import routes: Next buffers the body of every request the proxy runs on and cuts
  // it at 10 MB; they check session, role and origin themselves (lib/csv/import-request.ts).
  // Not the probe routes either: a buffered upload cannot be timed where its bytes arrive, and
  // each ping would wait for the proxy; they check the run's ticket themselves
  // (lib/connectivity/probe-route.ts).
  // Not next-auth's routes (/api/auth/…): they answer data or a redirect, never a page (its pages
  // are ours: lib/auth/options.ts), check what they need themselves, and a crisis morning's
  // requests for a link spent a tenth of their server time here (bench/sign-in-storm.ts).
  // Not a server action's call from a page's script either (its `Next-Action` header): it answers
  // data, not a page (no script for a nonce), checks its session itself (defineAction), and
  // the proxy's work was a quarter of such a request's time in the device storm (bench/device-storm.ts).
  // A form posted without JavaScript carries no such header and still gets the proxy.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|manifest.webmanifest|robots.txt|api/imports/|api/probe/|api/auth/).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
