import { isHttpsUrl } from "@/lib/security/security-headers";

/**
 * The language cookie's attributes. Secure whenever the portal is served over
 * https (PUBLIC_URL), like next-auth's cookies; not over plain http, where the
 * browser would drop it (a demo on localhost).
 */
export function localeCookieOptions(publicUrl: string) {
  return { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" as const, httpOnly: true, secure: isHttpsUrl(publicUrl) };
}
