import { availableParallelism } from "node:os";
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "@/lib/config/env-schema";

type Source = Record<string, string | undefined>;

const minimal: Source = {
  DATABASE_URL: "postgres://app@localhost:5432/passerelle",
  NEXTAUTH_SECRET: "s".repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  DEMO_MODE: "true",
};

/** The EnvError thrown for `source`, or a failure if it parses. */
function envError(source: Source): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected parseEnv to throw an EnvError");
}

describe("parseEnv: valid environments", () => {
  test("a minimal demo environment parses with defaults", () => {
    expect(parseEnv(minimal)).toMatchObject({
      DATABASE_URL: minimal.DATABASE_URL,
      PORT: 3000,
      PUBLIC_URL: "http://localhost:3000",
      DEMO_MODE: true,
      OUTBOX_WORKER: true,
      SIGNIN_LIMIT_PER_ADDRESS: 5,
      SIGNIN_LIMIT_PER_IP: 30,
      SIGNIN_LIMIT_WINDOW_MINUTES: 15,
      LOG_LEVEL: "info",
    });
  });

  test.each<[string, Source, string]>([
    ["default port", {}, "http://localhost:3000"],
    ["PORT only", { PORT: "8080" }, "http://localhost:8080"],
    ["explicit URL", { PUBLIC_URL: "https://passerelle.example.ch" }, "https://passerelle.example.ch"],
    ["one trailing slash", { PUBLIC_URL: "https://passerelle.example.ch/" }, "https://passerelle.example.ch"],
    ["several trailing slashes", { PUBLIC_URL: "https://example.ch/app///" }, "https://example.ch/app"],
  ])("PUBLIC_URL (%s) → %s", (_label, extra, expected) => {
    expect(parseEnv({ ...minimal, ...extra }).PUBLIC_URL).toBe(expected);
  });

  test.each<[string, Source, boolean]>([
    ["demo, no SMTP", {}, true],
    ["demo, empty SMTP", { SMTP_URL: "" }, true],
    ["demo, with SMTP", { SMTP_URL: "smtp://mail.example.ch:25" }, false],
    ["no demo, smtps", { DEMO_MODE: "false", SMTP_URL: "smtps://u:p@mail.example.ch" }, false],
    ["DEMO_MODE=1", { DEMO_MODE: "1" }, true],
    ["DEMO_MODE=yes", { DEMO_MODE: "yes" }, true],
  ])("devMailbox (%s) → %s", (_label, extra, expected) => {
    expect(parseEnv({ ...minimal, ...extra }).devMailbox).toBe(expected);
  });

  test.each<[Source, number]>([
    [{}, Math.min(availableParallelism(), 4)],
    [{ WEB_CONCURRENCY: "1" }, 1],
    [{ WEB_CONCURRENCY: "6" }, 6],
  ])("web workers %o → %i", (extra, expected) => {
    expect(parseEnv({ ...minimal, ...extra }).WEB_CONCURRENCY).toBe(expected);
  });

  test.each<[Source, number, number, number]>([
    [{}, 5, 30, 15],
    [{ SIGNIN_LIMIT_PER_ADDRESS: "3", SIGNIN_LIMIT_PER_IP: "100", SIGNIN_LIMIT_WINDOW_MINUTES: "60" }, 3, 100, 60],
  ])("sign-in limits %o", (extra, perAddress, perIp, windowMinutes) => {
    const env = parseEnv({ ...minimal, ...extra });
    expect([env.SIGNIN_LIMIT_PER_ADDRESS, env.SIGNIN_LIMIT_PER_IP, env.SIGNIN_LIMIT_WINDOW_MINUTES]).toEqual([
      perAddress,
      perIp,
      windowMinutes,
    ]);
  });
});

describe("parseEnv: invalid environments", () => {
  test.each<[string, Source, string]>([
    ["no SMTP and no demo", { DEMO_MODE: undefined }, "SMTP_URL"],
    ["no SMTP and DEMO_MODE=false", { DEMO_MODE: "false" }, "SMTP_URL"],
    ["SMTP_URL over http", { SMTP_URL: "http://mail.example.ch" }, "SMTP_URL"],
    ["short secret", { NEXTAUTH_SECRET: "s".repeat(31) }, "NEXTAUTH_SECRET"],
    ["missing secret", { NEXTAUTH_SECRET: undefined }, "NEXTAUTH_SECRET"],
    ["missing encryption key", { TOKEN_ENCRYPTION_KEY: undefined }, "TOKEN_ENCRYPTION_KEY"],
    ["16-byte encryption key", { TOKEN_ENCRYPTION_KEY: Buffer.alloc(16, 1).toString("base64") }, "TOKEN_ENCRYPTION_KEY"],
    ["mysql URL", { DATABASE_URL: "mysql://app@localhost/passerelle" }, "DATABASE_URL"],
    ["missing database", { DATABASE_URL: undefined }, "DATABASE_URL"],
    ["ftp public URL", { PUBLIC_URL: "ftp://passerelle.example.ch" }, "PUBLIC_URL"],
    ["javascript public URL", { PUBLIC_URL: "javascript:alert(1)" }, "PUBLIC_URL"],
    ["port out of range", { PORT: "70000" }, "PORT"],
    ["zero limit", { SIGNIN_LIMIT_PER_IP: "0" }, "SIGNIN_LIMIT_PER_IP"],
    ["unknown log level", { LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    ["no web worker", { WEB_CONCURRENCY: "0" }, "WEB_CONCURRENCY"],
    ["half a web worker", { WEB_CONCURRENCY: "1.5" }, "WEB_CONCURRENCY"],
    ["web workers in words", { WEB_CONCURRENCY: "many" }, "WEB_CONCURRENCY"],
  ])("%s → EnvError naming %s", (_label, extra, variable) => {
    const error = envError({ ...minimal, ...extra });
    expect(error.name).toBe("EnvError");
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${variable} `)).toBe(true);
    expect(error.message).toContain(variable);
  });

  test("several problems are all listed in one error", () => {
    const error = envError({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short" });
    const variables = error.problems.map((p) => p.split(" ")[0]).sort();
    expect(variables).toEqual(["DATABASE_URL", "NEXTAUTH_SECRET", "SMTP_URL", "TOKEN_ENCRYPTION_KEY"]);
    for (const variable of variables) expect(error.message).toContain(`  - ${variable} `);
  });
});
