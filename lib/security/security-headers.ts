// The headers proxy.ts puts on every response it handles: a Content-Security-Policy
// with a per-request nonce, and HSTS behind https. Pure (no Node-only API), so the
// proxy and the unit tests share it as is.

export type SecurityHeaderOptions = {
  /** Fresh for every response (createNonce); Next stamps it on its own <script> tags. */
  nonce: string;
  /** PUBLIC_URL: https turns on HSTS, upgrade-insecure-requests and Secure cookies. */
  publicUrl: string | undefined;
  /** `next dev` evaluates code and talks to its websocket for hot reload. */
  development?: boolean;
};

/** One year; no includeSubDomains: other hosts of the customer's domain are not ours to pin. */
const hstsMaxAge = 31_536_000;

export function isHttpsUrl(url: string | undefined): boolean {
  return typeof url === "string" && url.startsWith("https://");
}

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** 128 random bits, base64: unguessable per response, as a nonce must be. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, publicUrl, development = false }: SecurityHeaderOptions): string {
  const https = isHttpsUrl(publicUrl);
  const publicOrigin = originOf(publicUrl);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts Next's nonced scripts load are trusted; nothing inline
    // without the nonce, so an injected <script> does not run. ('self' is the fallback
    // for browsers without strict-dynamic.)
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // React style attributes (global error page, progress bars) and recharts' inline SVG
    // styles need 'unsafe-inline'; a nonce here would make browsers ignore it.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: for the authenticator QR code, blob: for generated downloads.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // The connectivity self-test fetches /api/probe/* and the VPN gateway URLs an admin
    // configures (any https host, opaque no-cors requests). Its UDP probe is WebRTC/STUN,
    // which connect-src does not govern.
    ["connect-src", "'self'", "https:", ...(development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    // next-auth answers sign-in and sign-out forms with redirects to PUBLIC_URL, which
    // form-action also checks: name it in case the browser came by another host name.
    ["form-action", "'self'", ...(publicOrigin ? [publicOrigin] : [])],
    ["frame-ancestors", "'none'"],
    ["manifest-src", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The response headers for one request; HSTS only when the portal is served over https. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy(options) };
  if (isHttpsUrl(options.publicUrl)) headers["Strict-Transport-Security"] = `max-age=${hstsMaxAge}`;
  return headers;
}
