/**
 * Where to go after sign-in. Only paths on this site are accepted: anything
 * else (other hosts, protocol-relative `//evil`, backslash tricks, javascript:)
 * falls back to null, so a forged link cannot redirect elsewhere.
 */
export function safeCallbackPath(raw: string | null | undefined, baseUrl: string): string | null {
  if (!raw || raw.length > 2048) return null;
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  let target: URL;
  try {
    target = new URL(raw, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin) return null;
  if (!raw.startsWith("/") && !raw.startsWith(base.origin)) return null;
  if (/^\/[\\/]/.test(raw)) return null;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Dot segments and encodings can turn "/.//evil" into "//evil" once parsed:
  // a path that starts with two slashes is protocol-relative, so refuse it too.
  if (/^\/[\\/]/.test(path)) return null;
  // Never bounce back into the sign-in flow or the auth API.
  if (path.startsWith("/api/auth") || path.startsWith("/signin")) return null;
  return path;
}
