// Module resolution for the launcher's demo seed, which writes parts of the roll-out through the
// app's own domain code (lib/, as vitest loads it): outside Next, "server-only" has nothing to
// guard, so its empty variant is loaded. Registered by scripts/start.ts before that import only.
const emptyServerOnly = new URL("../../node_modules/server-only/empty.js", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: emptyServerOnly, shortCircuit: true };
  return nextResolve(specifier, context);
}
