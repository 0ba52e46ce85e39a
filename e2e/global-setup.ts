import { execFileSync, spawn } from "node:child_process";
import dgram from "node:dgram";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, noConnectionLimits } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";
import { parseKey } from "../lib/tokens/secret-box";
import { ensureDatabase, freePort, startPgServer, waitForExit } from "../scripts/lib/pg-server";
import { nextStartArgs } from "../scripts/lib/next-start";

/**
 * Starts what a newcomer gets from `npm start` — a throwaway PostgreSQL with
 * the demo company, and the production build in demo mode — on free loopback
 * ports. Returns the teardown that stops both (Next first).
 */
const e2eEncryptionKey = Buffer.alloc(32, 9).toString("base64");

export default async function globalSetup() {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` (npm test does it for you) before the e2e tests.");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-e2e-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startPgServer({ dataDir: path.join(dir, "pg"), password: "e2e", ephemeral: true });
  await ensureDatabase(pg.url("postgres"), "passerelle");
  const databaseUrl = pg.url("passerelle");
  await migrateDatabase(databaseUrl);
  const { db, sql } = createDb(databaseUrl, { max: 1, limits: noConnectionLimits });
  await seedDemo(db, { encryptionKey: parseKey(e2eEncryptionKey) });
  await sql.end({ timeout: 5 });
  // The demo before its roll-out: the specs count queues, tickets and dashboard figures of their
  // own. DEMO_ROLLOUT=1 runs them against the demo mid-roll-out, as `npm start` seeds it.
  if (process.env.DEMO_ROLLOUT === "1") {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/lib/seed-rollout.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl, TOKEN_ENCRYPTION_KEY: e2eEncryptionKey } });
  }

  // The self-test's UDP probe: the server's own STUN responder, on a free loopback port.
  const stunPort = await new Promise<number>((resolve) => {
    const socket = dgram.createSocket("udp4");
    socket.bind(0, "127.0.0.1", () => {
      const chosen = socket.address().port;
      socket.close(() => resolve(chosen));
    });
  });
  const settingsDb = createDb(databaseUrl, { max: 1, limits: noConnectionLimits });
  await settingsDb.sql`update settings set value = jsonb_set(value, '{stun}', jsonb_build_object('host', '127.0.0.1', 'port', ${stunPort}::int)) where key = 'connectivity'`;
  const [check] = await settingsDb.sql`select value->'stun'->>'port' as port from settings where key = 'connectivity'`;
  if (Number(check?.port) !== stunPort) throw new Error("Could not point the STUN setting at the e2e server's responder");
  await settingsDb.sql.end({ timeout: 5 });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, "next.log");
  const out = fs.openSync(logFile, "a");
  // Two workers, as `npm start` serves on a two-core machine (scripts/lib/web-workers.mjs): every
  // journey also proves that the portal holds when one person's requests reach different processes.
  const next = spawn(process.execPath, nextStartArgs({ host: "127.0.0.1", port, workers: 2 }), {
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DEMO_MODE: "true",
      SMTP_URL: "",
      PUBLIC_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth",
      TOKEN_ENCRYPTION_KEY: e2eEncryptionKey,
      PORT: String(port),
      // Every e2e browser comes from 127.0.0.1: keep the per-IP limit out of the way;
      // the per-address limit stays at its default and has its own test.
      SIGNIN_LIMIT_PER_IP: "100000",
      STUN_LISTEN: `127.0.0.1:${stunPort}`,
      LOG_LEVEL: "warn",
    },
  });

  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      /* not up yet */
    }
    if (next.exitCode !== null || Date.now() > deadline) {
      await pg.stop();
      throw new Error(`The e2e server did not start:\n${fs.readFileSync(logFile, "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_TOKEN_ENCRYPTION_KEY = e2eEncryptionKey;

  return async () => {
    if (next.exitCode === null) {
      next.kill("SIGTERM");
      if (!(await waitForExit(next.pid!, 10_000))) next.kill("SIGKILL");
    }
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
