// Runs once when a server instance starts: validate the configuration (fail
// fast with a readable message) and start this instance's background worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv, EnvError } = await import("./lib/config/env-schema");
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
    const { startBackgroundWorker } = await import("./lib/mail/worker");
    startBackgroundWorker();
  }
}
