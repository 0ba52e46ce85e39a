import { spawn, type ChildProcess } from "node:child_process";
import { freePort, waitForExit } from "../scripts/lib/pg-server";
import { nextStartArgs } from "../scripts/lib/next-start";

/** The instance's `/api/health` status, 0 while nothing answers: what a spec polls until it is up (200) or up without its database (503). */
export async function healthStatus(baseUrl: string): Promise<number> {
  return (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status ?? 0;
}

export type SecondInstance = { baseUrl: string; process: ChildProcess; stop(): Promise<void> };

/**
 * Another `next start` of the production build beside the e2e server, on a free loopback port,
 * with no background jobs: what a spec needs of an instance the shared server cannot be (its
 * database down, or its memory inspected). Ready when the spec's own check says so.
 */
export async function startSecondInstance(options: { databaseUrl: string; nodeArgs?: string[] }): Promise<SecondInstance> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, nextStartArgs({ host: "127.0.0.1", port, nodeArgs: options.nodeArgs }), {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      DEMO_MODE: "true",
      SMTP_URL: "",
      PUBLIC_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth",
      TOKEN_ENCRYPTION_KEY: process.env.E2E_TOKEN_ENCRYPTION_KEY,
      OUTBOX_WORKER: "false",
      LOG_LEVEL: "silent",
    },
  });
  return {
    baseUrl,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      if (!(await waitForExit(child.pid!, 10_000))) child.kill("SIGKILL");
    },
  };
}
