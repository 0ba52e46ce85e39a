// `npm start`: one command from a fresh clone to a running Passerelle.
//   no DATABASE_URL → embedded PostgreSQL under .data/ (kept between runs), demo data, dev mailbox
//   DATABASE_URL    → that server, never one of ours
// then migrations, the production build (when missing or stale), and `next start`.
// Ctrl-C / SIGTERM stop Next first, then PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseEnv, EnvError } from "../lib/config/env-schema";
import { createDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ensureBootstrapAdmin } from "../db/seed/bootstrap";
import { seedDemo } from "../db/seed/demo";
import { parseKey } from "../lib/tokens/secret-box";
import { ensureBuild } from "./lib/build";
import { ensureDatabase, startPgServer, waitForExit, type PgServer } from "./lib/pg-server";

const dataDir = path.resolve(".data");
const log = (line: string) => console.log(`[passerelle] ${line}`);

type Secrets = { nextauthSecret: string; pgPassword: string; tokenEncryptionKey?: string };

/** Secrets for the embedded demo, generated once and kept under .data/ (never committed). */
function demoSecrets(): Secrets {
  const file = path.join(dataDir, "secrets.json");
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Secrets) : null;
  const secrets: Secrets = {
    nextauthSecret: existing?.nextauthSecret ?? randomBytes(32).toString("base64url"),
    pgPassword: existing?.pgPassword ?? randomBytes(18).toString("base64url"),
    tokenEncryptionKey: existing?.tokenEncryptionKey ?? randomBytes(32).toString("base64"),
  };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** A Next server left behind by a launcher killed with SIGKILL would hold the port: stop it. */
async function stopLeftoverNext(pidFile: string) {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.includes("next")) return;
    log(`Stopping a Next server left running by an earlier start (pid ${pid})…`);
    process.kill(pid, "SIGTERM");
    if (!(await waitForExit(pid, 10_000))) process.kill(pid, "SIGKILL");
  } catch {
    /* not running any more */
  }
}

async function main() {
  let pg: PgServer | undefined;
  let next: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next && next.exitCode === null) {
      log("Stopping the web server…");
      next.kill("SIGTERM");
      if (!(await waitForExit(next.pid!, 15_000))) next.kill("SIGKILL");
    }
    if (pg) {
      log("Stopping PostgreSQL…");
      await pg.stop();
    }
    fs.rmSync(path.join(dataDir, "next.pid"), { force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const embedded = !process.env.DATABASE_URL;
  try {
    if (embedded) {
      const secrets = demoSecrets();
      await stopLeftoverNext(path.join(dataDir, "next.pid"));
      log("Starting the embedded PostgreSQL (data in .data/pg)…");
      pg = await startPgServer({ dataDir: path.join(dataDir, "pg"), password: secrets.pgPassword, log });
      await ensureDatabase(pg.url("postgres"), "passerelle");
      process.env.DATABASE_URL = pg.url("passerelle");
      process.env.NEXTAUTH_SECRET ??= secrets.nextauthSecret;
      process.env.TOKEN_ENCRYPTION_KEY ??= secrets.tokenEncryptionKey;
      // Embedded database without SMTP: demo mode, with the dev mailbox.
      if (!process.env.SMTP_URL) process.env.DEMO_MODE ??= "true";
      // The self-test's UDP probe answers here; the demo settings point at it.
      process.env.STUN_LISTEN ??= "127.0.0.1:3478";
    }

    const env = parseEnv(process.env);
    process.env.NEXTAUTH_URL = env.PUBLIC_URL;
    process.env.PORT = String(env.PORT);

    log("Applying database migrations…");
    await migrateDatabase(env.DATABASE_URL);
    if (embedded || env.DEMO_MODE) {
      const { db, sql } = createDb(env.DATABASE_URL, { max: 1 });
      try {
        const result = await seedDemo(db, { encryptionKey: parseKey(env.TOKEN_ENCRYPTION_KEY) });
        if (result.seeded) log(`Demo data seeded: ${result.employees} employees of Transalpina SA.`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    }
    if (env.BOOTSTRAP_ADMIN_EMAIL) {
      const { db, sql } = createDb(env.DATABASE_URL, { max: 1 });
      try {
        const result = await ensureBootstrapAdmin(db, env.BOOTSTRAP_ADMIN_EMAIL);
        if (result !== "present") log("No administrator yet: BOOTSTRAP_ADMIN_EMAIL is now one (sign in with that address, then import the roster).");
      } finally {
        await sql.end({ timeout: 5 });
      }
    }

    ensureBuild(log);

    next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(env.PORT)], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, "next.pid"), String(next.pid));
    log(`Passerelle is starting on ${env.PUBLIC_URL}`);
    if (env.devMailbox) log(`Demo mode: sign in as employee@demo.test, it@demo.test, hr@demo.test or admin@demo.test; links arrive at ${env.PUBLIC_URL}/dev/mailbox`);
    next.on("exit", (code) => {
      if (!stopping) {
        log(`The web server stopped (code ${code}).`);
        void shutdown(code ?? 1);
      }
    });
  } catch (error) {
    if (error instanceof EnvError) console.error(`[passerelle] ${error.message}`);
    else console.error(`[passerelle] Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
