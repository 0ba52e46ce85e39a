// `npm start`: one command from a fresh clone to a running Passerelle.
//   no DATABASE_URL → embedded PostgreSQL under .data/ (kept between runs), demo data, dev mailbox
//   DATABASE_URL    → that server, never one of ours
// then migrations, the production build (when missing or stale), and `next start`.
// Ctrl-C / SIGTERM stop Next first, then PostgreSQL.
// `--database-only`: the embedded PostgreSQL with its data and nothing else (e.g. for `next dev`).
// PASSERELLE_DATA_DIR moves .data/ elsewhere.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseEnv, EnvError } from "../lib/config/env-schema";
import { createDb, noConnectionLimits } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ensureBootstrapAdmin } from "../db/seed/bootstrap";
import { parseKey } from "../lib/tokens/secret-box";
import { ensureBuild } from "./lib/build";
import { demoShape, seedDemoData } from "./lib/demo-data";
import { ensureDatabase, startPgServer, waitForExit, type PgServer } from "./lib/pg-server";
import { nextStartArgs } from "./lib/next-start";

const dataDir = path.resolve(process.env.PASSERELLE_DATA_DIR || ".data");
const databaseOnly = process.argv.includes("--database-only");
/** A PostgreSQL that keeps dying (disk full, memory, corruption) is not restarted forever. */
const maxRestarts = 3;
const restartWindowMs = 10 * 60_000;
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

/** A restart right after a crash can meet its old backends still exiting: try a few times. */
async function startPgWithRetries(options: Parameters<typeof startPgServer>[0], attempts = 5): Promise<PgServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPgServer(options);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
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

  // The web server cannot do anything useful without its database: restart a
  // PostgreSQL that died under us, on the same port (the pool reconnects by
  // itself), or stop with exit 1 rather than serve errors forever.
  const restarts: number[] = [];
  const watchPostgres = (server: PgServer, options: Parameters<typeof startPgServer>[0]) => {
    void server.exited.then(async ({ code, signal }) => {
      if (stopping || pg !== server) return;
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      const said = server.recentLog() ? `\nIts last words:\n${server.recentLog()}` : "";
      const now = Date.now();
      const recent = restarts.filter((t) => now - t < restartWindowMs);
      if (recent.length >= maxRestarts) {
        console.error(
          `[passerelle] The embedded PostgreSQL stopped unexpectedly ${recent.length + 1} times within ${restartWindowMs / 60_000} minutes ` +
            `(last: ${how}). Stopping Passerelle instead of serving errors; check free disk space and memory, then run npm start again.${said}`,
        );
        await shutdown(1);
        return;
      }
      restarts.splice(0, restarts.length, ...recent, now);
      log(`The embedded PostgreSQL stopped unexpectedly (${how}): restarting it (${restarts.length} of ${maxRestarts})…${said}`);
      try {
        const restarted = await startPgWithRetries({ ...options, port: server.port });
        if (stopping) return void (await restarted.stop());
        pg = restarted;
        watchPostgres(restarted, options);
        log("PostgreSQL is running again; pages recover by themselves.");
      } catch (error) {
        console.error(`[passerelle] The embedded PostgreSQL could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
        await shutdown(1);
      }
    });
  };

  const embedded = !process.env.DATABASE_URL;
  try {
    if (databaseOnly && !embedded) throw new Error("--database-only starts the embedded PostgreSQL: unset DATABASE_URL.");
    if (embedded) {
      const secrets = demoSecrets();
      await stopLeftoverNext(path.join(dataDir, "next.pid"));
      log(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), path.join(dataDir, "pg")) || "."})…`);
      const pgOptions = { dataDir: path.join(dataDir, "pg"), password: secrets.pgPassword, log };
      pg = await startPgServer(pgOptions);
      watchPostgres(pg, pgOptions);
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
    const shape = demoShape(process.env);
    process.env.NEXTAUTH_URL = env.PUBLIC_URL;
    process.env.PORT = String(env.PORT);

    log("Applying database migrations…");
    await migrateDatabase(env.DATABASE_URL);
    if (embedded || env.DEMO_MODE) {
      // Seeding runs long statements (the crisis-scale set): none of the app's time limits.
      const { db, sql } = createDb(env.DATABASE_URL, { max: 1, limits: noConnectionLimits });
      try {
        await seedDemoData(db, parseKey(env.TOKEN_ENCRYPTION_KEY), shape, log);
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

    if (databaseOnly) {
      log(`The embedded PostgreSQL is ready: DATABASE_URL=${env.DATABASE_URL}`);
      // Nothing else holds the event loop open (the server process is unref'd).
      setInterval(() => {}, 3_600_000);
      return;
    }

    ensureBuild(log);

    next = spawn(process.execPath, nextStartArgs({ port: env.PORT, workers: env.WEB_CONCURRENCY }), {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, "next.pid"), String(next.pid));
    log(`Passerelle is starting on ${env.PUBLIC_URL} (${env.WEB_CONCURRENCY === 1 ? "one web worker" : `${env.WEB_CONCURRENCY} web workers`}: WEB_CONCURRENCY)`);
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
