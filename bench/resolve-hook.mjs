// Module resolution for benches that load app modules outside Next the way vitest does
// (vitest.config.ts): "server-only" has nothing to guard, so its empty variant; and no
// "react-server" condition, under which next-intl would load React's server build without
// a bundler to split client code off. Registered by bench/rht-export.ts.
const emptyServerOnly = new URL("../node_modules/server-only/empty.js", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: emptyServerOnly, shortCircuit: true };
  return nextResolve(specifier, { ...context, conditions: context.conditions.filter((c) => c !== "react-server") });
}
