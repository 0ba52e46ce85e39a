// Runs once when a server instance starts. The Node.js-only part lives in its
// own file so the Edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
