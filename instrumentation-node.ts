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
  if (config.OUTBOX_WORKER) {
    const { startBackgroundWorker } = await import("./lib/jobs/background");
    startBackgroundWorker();
  }
}

await boot();
