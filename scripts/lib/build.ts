import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { nextBinFor } from "./next-start";

/** What the app's production build is made from. */
const appInputs = ["app", "components", "lib", "db", "messages", "public", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function walk(dir: string, entry: string, hash: ReturnType<typeof createHash>) {
  const full = path.join(dir, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(full).sort()) walk(dir, path.join(entry, child), hash);
  } else if (stat.isFile()) {
    hash.update(entry).update("\0").update(fs.readFileSync(full)).update("\0");
  }
}

/** A hash of everything a production build is made from (`inputs`, relative to `dir`). */
export function sourceFingerprint(dir = ".", inputs = appInputs): string {
  const hash = createHash("sha256");
  for (const entry of inputs) walk(dir, entry, hash);
  return hash.digest("hex");
}

/**
 * Builds a Next.js app's production bundle when it is missing or older than its sources: the
 * app's by default, or another one (`dir`, made from `inputs`), like the bench's bare yardstick.
 */
export function ensureBuild(log: (line: string) => void, { dir = ".", inputs = appInputs }: { dir?: string; inputs?: string[] } = {}): void {
  const fingerprint = sourceFingerprint(dir, inputs);
  const fingerprintFile = path.join(dir, ".next", "passerelle-source.sha256");
  const current = fs.existsSync(path.join(dir, ".next", "BUILD_ID")) && fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, "utf8").trim() : null;
  if (current === fingerprint) return;
  log(current ? "Sources changed since the last build: building again…" : "No production build yet: building (a minute or two, once)…");
  const result = spawnSync(process.execPath, [nextBinFor(dir), "build"], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`\`next build\`${dir === "." ? "" : ` of ${dir}`} failed (see the output above).`);
  fs.writeFileSync(fingerprintFile, `${fingerprint}\n`);
}
