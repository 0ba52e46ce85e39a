import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsUrl, securityHeaders } from "@/lib/security/security-headers";

const directives = (policy: string) =>
  Object.fromEntries(policy.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123", publicUrl: "https://passerelle.example.ch" }));

  test("scripts only with this response's nonce (and what they load: strict-dynamic), never inline or eval", () => {
    expect(policy["script-src"]).toEqual(expect.arrayContaining(["'nonce-abc123'", "'strict-dynamic'"]));
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
  });

  test("inline styles are allowed (React style attributes, recharts), so style-src carries no nonce", () => {
    // A nonce in style-src would make browsers ignore 'unsafe-inline'.
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("the self-test can reach /api/probe/* and the VPN gateways an admin configures (https)", () => {
    expect(policy["connect-src"]).toEqual(expect.arrayContaining(["'self'", "https:"]));
  });

  test("no plugins, no foreign base, no framing, forms only to this site; the QR code is a data: image", () => {
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'", "https://passerelle.example.ch"]);
    expect(policy["img-src"]).toEqual(expect.arrayContaining(["'self'", "data:"]));
    expect(policy["default-src"]).toEqual(["'self'"]);
  });

  test("upgrade-insecure-requests only behind https", () => {
    expect(policy).toHaveProperty("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy({ nonce: "n", publicUrl: "http://localhost:3000" }))).not.toHaveProperty("upgrade-insecure-requests");
  });

  test("next dev needs eval and its websocket; production does not get them", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", publicUrl: "http://localhost:3000", development: true }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["connect-src"]).toContain("ws:");
    expect(policy["connect-src"]).not.toContain("ws:");
  });
});

describe("securityHeaders", () => {
  test("HSTS when PUBLIC_URL is https, not over plain http (it would lock a demo out of its own host)", () => {
    expect(securityHeaders({ nonce: "n", publicUrl: "https://p.example.ch" })["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/);
    expect(securityHeaders({ nonce: "n", publicUrl: "http://localhost:3000" })).not.toHaveProperty("Strict-Transport-Security");
  });

  test("isHttpsUrl decides Secure cookies the same way", () => {
    expect(isHttpsUrl("https://p.example.ch")).toBe(true);
    expect(isHttpsUrl("http://p.example.ch")).toBe(false);
    expect(isHttpsUrl(undefined)).toBe(false);
  });
});

test("nonces are fresh, 128-bit, base64", () => {
  const a = createNonce();
  expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(createNonce()).not.toBe(a);
});

describe("the proxy", async () => {
  const { proxy } = await import("@/proxy");
  const signedIn = (url: string) => new NextRequest(url, { headers: { cookie: "next-auth.session-token=x" } });

  test("puts a policy with a fresh nonce on the page, and the same policy on the request for Next's own scripts", () => {
    const first = proxy(signedIn("http://localhost:3000/start"));
    const second = proxy(signedIn("http://localhost:3000/start"));
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    // NextResponse.next({ request: { headers } }) hands overridden request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });

  test("redirects to sign-in carry the headers too", () => {
    const response = proxy(new NextRequest("http://localhost:3000/start"));
    expect(response.status).toBe(307);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
  });
});

test("behind https the proxy adds HSTS and upgrade-insecure-requests", async () => {
  const { proxy } = await import("@/proxy");
  const before = process.env.PUBLIC_URL;
  process.env.PUBLIC_URL = "https://passerelle.example.ch";
  try {
    const response = proxy(new NextRequest("https://passerelle.example.ch/signin"));
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect(response.headers.get("content-security-policy")).toMatch(/upgrade-insecure-requests/);
  } finally {
    process.env.PUBLIC_URL = before;
  }
});
