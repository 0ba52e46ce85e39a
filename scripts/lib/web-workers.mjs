// The web server on several cores: one `next start` per worker, all on the same port.
//
//   node web-workers.mjs <workers> <node flags as JSON> <next bin> start [-H host] -p <port>
//
// One Node.js process renders on one core; a crisis morning's instance has more. Node's cluster
// module lets every worker's `server.listen(port)` share the primary's socket, which hands the
// connections out in turn. The workers are instances like any other (sessions, limits, queues and
// the outbox live in PostgreSQL: README "Scaling out"). Plain JavaScript: the primary is started
// by `node` alone, before anything is built.
//
// - A worker that stops after it served is replaced (a crash costs its own requests, not the
//   instance); one that stops before it ever listened is a start-up failure (a wrong setting, a
//   port taken): every worker stops and the primary exits with its code, for the launcher to report.
// - More than `maxRestarts` replacements within a minute: the fault is not passing; the primary
//   gives up rather than loop.
// - SIGINT or SIGTERM is passed on to the workers (Next finishes its requests); whatever still
//   runs after `graceMs` is killed. A worker that stops on one of them (Ctrl-C and service
//   managers signal the whole group) stops the server too, rather than being replaced.
import cluster from "node:cluster";

const maxRestarts = 5;
const graceMs = 10_000;

const [count, flags, exec, ...args] = process.argv.slice(2);
const workers = Number(count);
if (!Number.isInteger(workers) || workers < 1 || !exec) {
  console.error("usage: node web-workers.mjs <workers> <node flags as JSON> <next bin> start -p <port>");
  process.exit(2);
}

const log = (level, msg, extra = {}) => console.log(JSON.stringify({ level, app: "passerelle", msg, ...extra }));

cluster.setupPrimary({ exec, args, execArgv: JSON.parse(flags) });

let stopping = false;
let exitCode = 0;
const restarts = [];
const listening = new Set();

/** Next's `next start` exits 130 on SIGINT and 143 on SIGTERM; a server without handlers dies of them. */
const askedToStop = (code, signal) => code === 130 || code === 143 || signal === "SIGINT" || signal === "SIGTERM";

function fork(index) {
  const worker = cluster.fork({ PASSERELLE_WEB_WORKER: String(index) });
  // Serving means the web port: a worker also binds the STUN responder's UDP port (through this
  // primary too), which must not make a worker that then fails on a taken web port look started.
  worker.on("listening", (address) => {
    if (address.addressType !== "udp4" && address.addressType !== "udp6") listening.add(worker.id);
  });
  worker.on("exit", (code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping) return done();
    if (!served) {
      log(50, "web worker stopped before it served: the server stops", { worker: index, code, signal });
      return stop("SIGTERM", code || 1);
    }
    // Ctrl-C or a service manager signals every process of the group at once: a worker may
    // stop on it before this primary has read its own. That is a stop, not a crash.
    if (askedToStop(code, signal)) return stop("SIGTERM", 0);
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > maxRestarts) {
      log(50, "web workers keep stopping: the server stops", { worker: index, code, signal, restarts: restarts.length });
      return stop("SIGTERM", 1);
    }
    log(40, "web worker stopped: replaced", { worker: index, code, signal });
    fork(index);
  });
}

const alive = () => Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());

function done() {
  if (alive().length === 0) process.exit(exitCode);
}

function stop(signal, code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const worker of alive()) worker.process.kill(signal);
  setTimeout(() => {
    for (const worker of alive()) worker.process.kill("SIGKILL");
  }, graceMs).unref();
  done();
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal, 0));
for (let index = 0; index < workers; index += 1) fork(index);
