import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { nextBin } from "./next-start";

const inputs = ["app", "components", "lib", "db", "messages", "public", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const fingerprintFile = path.join(".next", "passerelle-source.sha256");

function walk(entry: string, hash: ReturnType<typeof createHash>) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(entry).sort()) walk(path.join(entry, child), hash);
  } else if (stat.isFile()) {
    hash.update(entry).update("\0").update(fs.readFileSync(entry)).update("\0");
  }
}

/** A hash of everything the production build is made from. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const entry of inputs) walk(entry, hash);
  return hash.digest("hex");
}

/** Builds the production bundle when it is missing or older than the sources. */
export function ensureBuild(log: (line: string) => void): void {
  const fingerprint = sourceFingerprint();
  const current = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, "utf8").trim() : null;
  if (current === fingerprint) return;
  log(current ? "Sources changed since the last build: building again…" : "No production build yet: building (a minute or two, once)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("`next build` failed (see the output above).");
  fs.writeFileSync(fingerprintFile, `${fingerprint}\n`);
}
