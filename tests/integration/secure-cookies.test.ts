import { expect, test } from "vitest";

// PUBLIC_URL is https here, before anything reads the environment (the launcher
// also sets NEXTAUTH_URL from it; lib/auth/options.ts does when it is missing).
process.env.PUBLIC_URL = "https://passerelle.example.ch";
delete process.env.NEXTAUTH_URL;

const { authOptions } = await import("@/lib/auth/options");
const { default: NextAuth } = await import("next-auth");
const { localeCookieOptions } = await import("@/lib/i18n/locale-cookie");

test("next-auth's cookies are Secure (and __Host-/__Secure- prefixed) when PUBLIC_URL is https", async () => {
  // next-auth's own API-route form, asked for a CSRF token: it sets its first cookie.
  const sent: Record<string, unknown> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (sent[name.toLowerCase()] = value),
    getHeader: (name: string) => sent[name.toLowerCase()],
    status: () => res,
    send: () => res,
    json: () => res,
    end: () => res,
  };
  const req = { method: "GET", query: { nextauth: ["csrf"] }, headers: { host: "passerelle.example.ch" }, cookies: {}, body: {} };
  await NextAuth(req as never, res as never, authOptions());
  const cookies = ([] as string[]).concat(sent["set-cookie"] as string[]);
  const csrf = cookies.find((c) => c.includes("next-auth.csrf-token="));
  expect(csrf).toMatch(/^__Host-next-auth\.csrf-token=/);
  expect(csrf).toMatch(/; Secure/);
  expect(csrf).toMatch(/; HttpOnly/);
});

test("the language cookie is Secure behind https, and not over plain http (a demo on localhost)", () => {
  expect(localeCookieOptions("https://passerelle.example.ch")).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
  expect(localeCookieOptions("http://localhost:3000").secure).toBe(false);
});
