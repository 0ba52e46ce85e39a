import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { freePort, waitForExit } from "@/scripts/lib/pg-server";
import { webWorkersScript } from "@/scripts/lib/next-start";

// `npm start`'s cluster primary (scripts/lib/web-workers.mjs), with a stand-in for `next start`:
// a server that answers with its process id, or one that fails before it listens.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-workers-"));
const server = path.join(dir, "server.mjs");
fs.writeFileSync(
  server,
  `import dgram from "node:dgram";
import http from "node:http";
if (process.argv[2] === "fail") process.exit(3);
// As Passerelle's workers: a UDP port first (the STUN responder), then a web port that may be taken.
if (process.argv[2] === "udp-then-fail") dgram.createSocket("udp4").bind(0, "127.0.0.1", () => setTimeout(() => process.exit(4), 200));
else http.createServer((req, res) => res.end(String(process.pid))).listen(Number(process.argv[3]), "127.0.0.1");
`,
);

let primary: ChildProcess | null = null;
afterEach(async () => {
  if (primary?.exitCode === null && primary.signalCode === null) {
    primary.kill("SIGKILL");
    await waitForExit(primary.pid!, 5_000);
  }
});

function startPrimary(workers: number, mode: "serve" | "fail" | "udp-then-fail", port: number): ChildProcess {
  primary = spawn(process.execPath, [webWorkersScript, String(workers), "[]", server, mode, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  return primary;
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

/** The primary's exit code and what it logged until then. */
async function ending(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const code = await exited(child);
  return { code, output: output.join("") };
}

/**
 * The process id that answered a request on a new connection, or null: nobody listens, or the
 * connection went to the worker that was just killed (it is never answered: a client times out).
 */
function whoAnswers(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", agent: false, timeout: 2_000 }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(Number(body) || null));
      response.on("error", () => resolve(null));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(null));
  });
}

/** The process ids that answered `n` requests, each on a new connection. */
async function answering(port: number, n: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < n; i += 1) {
    const pid = await whoAnswers(port);
    if (pid) pids.add(pid);
  }
  return pids;
}

describe("npm start's web workers", () => {
  test("share one port; a worker that dies after serving is replaced; SIGTERM stops them all", async () => {
    const port = await freePort();
    const child = startPrimary(2, "serve", port);
    await expect.poll(async () => (await answering(port, 8)).size, { timeout: 20_000 }).toBe(2);
    const first = await answering(port, 8);

    const [victim] = [...first];
    process.kill(victim, "SIGKILL");
    await expect.poll(async () => {
      const now = await answering(port, 8);
      return now.size === 2 && !now.has(victim);
    }, { timeout: 20_000 }).toBe(true);
    expect(child.exitCode).toBeNull();

    const workers = await answering(port, 8);
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
    for (const pid of workers) expect(await waitForExit(pid, 5_000)).toBe(true);
    expect(await answering(port, 1)).toEqual(new Set());
  }, 60_000);

  test("a worker stopped by SIGTERM or SIGINT (a service manager or Ctrl-C signals the whole group) stops the server: no replacement", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const port = await freePort();
      const child = startPrimary(2, "serve", port);
      await expect.poll(async () => (await answering(port, 8)).size, { timeout: 20_000 }).toBe(2);
      const workers = await answering(port, 8);
      process.kill([...workers][0], signal);
      expect(await exited(child)).toBe(0);
      for (const pid of workers) expect(await waitForExit(pid, 5_000)).toBe(true);
    }
  }, 60_000);

  test("a worker that fails before it listens stops the server with its exit code, instead of a restart loop", async () => {
    const { code, output } = await ending(startPrimary(2, "fail", await freePort()));
    expect(code).toBe(3);
    expect(output).toContain("stopped before it served");
  });

  test("a worker that bound only its UDP port (the STUN responder) before failing has not started: no replacement loop", async () => {
    const { code, output } = await ending(startPrimary(2, "udp-then-fail", await freePort()));
    expect(code).toBe(4);
    expect(output).toContain("stopped before it served");
    expect(output).not.toContain("replaced");
  });

  test("refuses a worker count that is no count", async () => {
    const child = startPrimary(0, "serve", await freePort());
    expect(await exited(child)).toBe(2);
  });
});
