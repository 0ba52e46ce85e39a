import path from "node:path";

/** Absolute: the bench starts its bare yardstick app from another directory. */
export const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");

/**
 * Node's flags for the web server. A page render allocates a few megabytes of short-lived
 * objects; with V8's default 16 MB young generation half of them survive one collection too
 * many and get copied. 32 MB semi-spaces cut the app's CPU per page by about 15 % in the HTTP
 * bench (status page 10.5 → 8.9 ms, IT queue 15.3 → 13.2 ms), for at most 64 MB more memory.
 */
export const webServerNodeFlags = ["--max-semi-space-size=32"];

/** `node … next start` as every Passerelle server starts: `npm start`, the e2e servers and the bench. */
export function nextStartArgs({ port, host, nodeArgs = [] }: { port: number | string; host?: string; nodeArgs?: string[] }): string[] {
  return [...webServerNodeFlags, ...nodeArgs, nextBin, "start", ...(host ? ["-H", host] : []), "-p", String(port)];
}
