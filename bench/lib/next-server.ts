// Production Next.js servers for the HTTP bench: the app (its .next build, made or reused as
// `npm start` does) and the bare yardstick app (bench/bare-app), each on a free loopback port,
// each stopped by its handle.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/lib/pg-server";
import { ensureBuild } from "../../scripts/lib/build";
import { nextStartArgs } from "../../scripts/lib/next-start";

export const bareAppDir = path.resolve("bench", "bare-app");

export type NextServer = { url: string; pid: number; stop(): Promise<void> };

/** Builds the bare app when missing or when its own files change (its build does not depend on the app's sources). */
export function ensureBareBuild(log: (line: string) => void): void {
  ensureBuild((line) => log(`bare yardstick app: ${line}`), { dir: bareAppDir, inputs: ["app", "instrumentation.js", "next.config.mjs"] });
}

/**
 * `next start` in `dir` with `env` (and `nodeArgs` for node itself), ready once `readyPath`
 * answers (any status below 500); with `workers` above 1, that many behind one port, as `npm start`.
 */
export async function startNext(dir: string, env: Record<string, string>, readyPath: string, logFile: string, nodeArgs: string[] = [], workers = 1): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(process.execPath, nextStartArgs({ host: "127.0.0.1", port, nodeArgs, dir, workers }), {
    cwd: dir,
    stdio: ["ignore", out, out],
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), PUBLIC_URL: url, NEXTAUTH_URL: url },
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start in ${dir} exited (${child.exitCode}); see ${logFile}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { redirect: "manual" });
      if (response.status < 500) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start in ${dir} did not answer within 90 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, pid: child.pid!, stop };
}
