import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, test } from "vitest";

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

// Issue 12 point 7: in embedded mode the launcher watches its PostgreSQL. Run in
// `--database-only` mode (no build, no web server) on a data directory of its own.
describe("the embedded PostgreSQL dies under the launcher", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-launcher-"));
  fs.chmodSync(dataDir, 0o755);
  let launcher: ChildProcess | undefined;
  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      launcher.kill("SIGTERM");
      await new Promise((resolve) => launcher!.once("exit", resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);

  test("is restarted (a bounded number of times), then the launcher stops with exit 1 and a message", { timeout: 180_000 }, async () => {
    launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--database-only"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PASSERELLE_DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const child = launcher;
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const until = (what: () => boolean) => expect.poll(what, { timeout: 60_000, interval: 100 }).toBe(true);

    await until(() => /DATABASE_URL=postgres:\/\/\S+/.test(out));
    const url = /DATABASE_URL=(postgres:\/\/\S+)/.exec(out)![1];
    const answers = async () => {
      const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        return (await sql`select 1 as one`)[0].one === 1;
      } catch {
        return false;
      } finally {
        await sql.end({ timeout: 1 });
      }
    };
    expect(await answers()).toBe(true);

    for (let restart = 1; restart <= 3; restart++) {
      const pid = postmasterPid();
      process.kill(pid, "SIGKILL");
      await until(() => (out.match(/PostgreSQL is running again/g) ?? []).length === restart);
      expect(postmasterPid()).not.toBe(pid);
      expect(await answers()).toBe(true); // same URL: same port, same password, same data
    }

    process.kill(postmasterPid(), "SIGKILL");
    expect(await exited).toBe(1);
    expect(err).toMatch(/PostgreSQL stopped unexpectedly 4 times/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
