import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's only link to its own pages: Next's client-side navigation, never a prefetch.
 * Every page here is rendered per request (session, CSP nonce) and none has a loading.js, so a
 * prefetch could not make the next page instant: it asked the server for the route's tree and
 * the target's metadata, two renders per link in view or pointed at (a status page view cost the
 * server three times the page itself; an IT queue scrolled to its end, a hundred renders). A click
 * fetches the page once, as before. `next/link` is imported nowhere else (eslint.config.mjs).
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
