import http from "node:http";
import https from "node:https";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { isTrustedProxy, normalizeAddress } from "./trusted-proxies";

// Who is asking, for per-IP limits. Next 16 gives route handlers no socket
// address: `next start` only fills X-Forwarded-For from the socket when the
// client sent none (base-server.js: `req.headers['x-forwarded-for'] ??= …`),
// so a client that sends its own header picks its own address. We stamp the
// socket's address on every request before Next sees it, overwriting whatever
// the client sent under that name, and trust X-Forwarded-For only when that
// socket address is a configured proxy (TRUSTED_PROXIES).

export const peerHeader = "x-passerelle-peer";

const state = globalThis as unknown as { __passerellePeerStamp?: boolean };

function stamp(request: IncomingMessage) {
  request.headers[peerHeader] = request.socket?.remoteAddress ?? "";
}

/**
 * Makes every HTTP(S) server of this process stamp the socket address on each
 * request before its listeners run. Installed once at start-up (instrumentation);
 * servers that already listen are covered too, as `emit` lives on the prototype.
 */
export function installPeerAddressStamp(): void {
  if (state.__passerellePeerStamp) return;
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    const original = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") stamp(args[0] as IncomingMessage);
      return original.call(this, event, ...args);
    };
  }
  state.__passerellePeerStamp = true;
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then
 * X-Forwarded-For is read from the right (each proxy appends the address it
 * saw), skipping trusted proxies, and the first other hop is the client. Hops a
 * client wrote itself sit further left and are never reached. "unknown" only
 * when the stamp is not installed (then no header can be told from a forgery).
 */
export function clientIp(headers: Headers, trustedProxies: readonly string[]): string {
  const peer = state.__passerellePeerStamp ? headers.get(peerHeader) : null;
  if (!peer) return "unknown";
  let client = normalizeAddress(peer);
  if (!isTrustedProxy(client, trustedProxies)) return client;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalizeAddress).filter(Boolean);
  for (const hop of hops.reverse()) {
    // A hop that is no address was not written by a proxy we trust: stop at the last one that was.
    if (!isIP(hop)) break;
    client = hop;
    if (!isTrustedProxy(hop, trustedProxies)) break;
  }
  return client;
}
