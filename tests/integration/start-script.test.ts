import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
}

test.each([
  [
    "a real database without SMTP_URL",
    { DATABASE_URL: "postgres://app@127.0.0.1:1/passerelle", NEXTAUTH_SECRET: "x".repeat(40), TOKEN_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") },
    /SMTP_URL is not set and DEMO_MODE is off/,
  ],
  [
    "a missing secret",
    { DATABASE_URL: "postgres://app@127.0.0.1:1/passerelle", SMTP_URL: "smtp://127.0.0.1:1", NEXTAUTH_SECRET: "" },
    /NEXTAUTH_SECRET must be at least 32 characters/,
  ],
  [
    "a malformed port",
    { DATABASE_URL: "postgres://app@127.0.0.1:1/passerelle", SMTP_URL: "smtp://127.0.0.1:1", NEXTAUTH_SECRET: "x".repeat(40), PORT: "http" },
    /PORT/,
  ],
])("npm start refuses %s with a message naming the variable", (_label, env, message) => {
  const result = start(env);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
});
