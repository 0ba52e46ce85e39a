// Validate the configuration (fail fast with a readable message naming the
// variable) and start this instance's background worker.
import { EnvError, parseEnv } from "./lib/config/env-schema";

async function boot() {
  let config;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  process.env.NEXTAUTH_URL ??= config.PUBLIC_URL;
  // Before the first render: finished renders would otherwise stay in memory (lib/http/abort-reasons.ts).
  const { releaseAbortReasons } = await import("./lib/http/abort-reasons");
  releaseAbortReasons();
  // Before the first request: route handlers learn the socket's address only from this stamp.
  const { installPeerAddressStamp } = await import("./lib/http/client-address");
  installPeerAddressStamp();
  const { parseListen, startStunResponder } = await import("./lib/connectivity/stun-responder");
  const stun = parseListen(config.STUN_LISTEN);
  if (stun) {
    // Several instances on one host share the port: the first one answers, the others carry on.
    await startStunResponder(stun.host, stun.port).then(
      (responder) => console.log(JSON.stringify({ level: 30, app: "passerelle", msg: "STUN responder listening", port: responder.port })),
      (error: Error) => console.error(JSON.stringify({ level: 40, app: "passerelle", msg: "STUN responder not started", err: error.message })),
    );
  }
  // Under `npm start`'s workers (scripts/lib/web-workers.mjs) the first one runs the jobs, for
  // the whole instance: they are safe on many, but each would poll and warm up the same work.
  if (config.OUTBOX_WORKER && (process.env.PASSERELLE_WEB_WORKER ?? "0") === "0") {
    const { startBackgroundWorker } = await import("./lib/jobs/background");
    startBackgroundWorker();
  }
}

await boot();
