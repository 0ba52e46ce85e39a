import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "@/lib/config/env-schema";
import { clientIp, installPeerAddressStamp, peerHeader } from "@/lib/http/client-address";
import { isTrustedProxy, parseTrustedProxies } from "@/lib/http/trusted-proxies";

const trusted = (value: string) => {
  const parsed = parseTrustedProxies(value);
  if ("invalid" in parsed) throw new Error(parsed.invalid);
  return parsed.entries;
};

describe("TRUSTED_PROXIES", () => {
  test("IPs and CIDR ranges, IPv4 and IPv6, separated by commas or spaces", () => {
    expect(parseTrustedProxies("10.0.0.0/8, 127.0.0.1 ::1,fd00::/8")).toEqual({ entries: ["10.0.0.0/8", "127.0.0.1/32", "::1/128", "fd00::/8"] });
    expect(parseTrustedProxies(undefined)).toEqual({ entries: [] });
    expect(parseTrustedProxies("")).toEqual({ entries: [] });
  });

  test.each(["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/1", "300.1.1.1", "::1/129", "10.0.0.0/x"])("%s is refused", (value) => {
    expect(parseTrustedProxies(`127.0.0.1, ${value}`)).toEqual({ invalid: value });
  });

  test("is read from the environment, empty by default, and a bad entry stops the start with its name", () => {
    const base = { DATABASE_URL: "postgres://app@localhost/p", NEXTAUTH_SECRET: "s".repeat(32), TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), DEMO_MODE: "true" };
    expect(parseEnv(base).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8 127.0.0.1" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "127.0.0.1/32"]);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, nginx" })).toThrow(EnvError);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "nginx" })).toThrow(/TRUSTED_PROXIES .*"nginx"/);
  });

  test("matching, with IPv4-mapped IPv6 socket addresses", () => {
    const list = trusted("10.0.0.0/8, ::1");
    expect(isTrustedProxy("10.200.1.1", list)).toBe(true);
    expect(isTrustedProxy("::ffff:10.200.1.1", list)).toBe(true);
    expect(isTrustedProxy("11.0.0.1", list)).toBe(false);
    expect(isTrustedProxy("::1", list)).toBe(true);
    expect(isTrustedProxy("garbage", list)).toBe(false);
    expect(isTrustedProxy("10.0.0.1", [])).toBe(false);
  });
});

describe("clientIp", () => {
  beforeAll(installPeerAddressStamp);

  const headers = (peer: string | null, forwarded?: string) => {
    const h = new Headers();
    if (peer !== null) h.set(peerHeader, peer);
    if (forwarded !== undefined) h.set("x-forwarded-for", forwarded);
    return h;
  };

  test.each([
    ["no proxy trusted: the socket, whatever the header says", "203.0.113.7", "1.2.3.4", "", "203.0.113.7"],
    ["an untrusted socket: the socket", "::ffff:203.0.113.7", "1.2.3.4", "10.0.0.0/8", "203.0.113.7"],
    ["one trusted proxy: the hop it saw", "10.0.0.5", "1.2.3.4, 198.51.100.1", "10.0.0.0/8", "198.51.100.1"],
    ["a chain of trusted proxies: the first untrusted hop from the right", "10.0.0.5", "1.2.3.4, 198.51.100.1, 10.9.9.9, 192.0.2.1", "10.0.0.0/8, 192.0.2.1", "198.51.100.1"],
    ["only trusted hops: the leftmost", "10.0.0.5", "10.0.0.7, 10.0.0.6", "10.0.0.0/8", "10.0.0.7"],
    ["a trusted proxy without the header: the proxy", "10.0.0.5", undefined, "10.0.0.0/8", "10.0.0.5"],
    ["a hop that is no address: the last trusted one", "10.0.0.5", "198.51.100.1, junk", "10.0.0.0/8", "10.0.0.5"],
    ["hops with ports and brackets", "10.0.0.5", "[2001:db8::1]:443", "10.0.0.0/8", "2001:db8::1"],
    ["no stamp on the request", null, "1.2.3.4", "10.0.0.0/8", "unknown"],
  ])("%s", (_label, peer, forwarded, proxies, expected) => {
    expect(clientIp(headers(peer, forwarded), trusted(proxies))).toBe(expected);
  });
});

describe("the peer stamp on a real server", () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    installPeerAddressStamp();
    // Created after the stamp, like Next's server is created before it: both are covered (prototype).
    server = http.createServer((req, res) => res.end(JSON.stringify({ peer: req.headers[peerHeader], forwarded: req.headers["x-forwarded-for"] ?? null })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("the socket's address replaces whatever the client sent under that name", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [peerHeader]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
    const seen = (await response.json()) as { peer: string; forwarded: string };
    expect(seen.peer).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen.forwarded).toBe("7.7.7.7");
    const h = new Headers({ [peerHeader]: seen.peer, "x-forwarded-for": seen.forwarded });
    expect(clientIp(h, [])).toBe("127.0.0.1");
  });
});
