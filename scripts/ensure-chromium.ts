// Makes sure the e2e tests have a Chromium: Playwright's own, or the system's;
// as root with apt, installs Debian's `chromium`; otherwise says what to install.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { chromiumExecutable } from "../e2e/chromium";
import { chromium } from "@playwright/test";

function bundledExists(): boolean {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (bundledExists() || chromiumExecutable()) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (isRoot && hasApt) {
  console.log("[passerelle] No Chromium found: installing Debian's chromium (about half a minute, once)…");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch {
    console.error("[passerelle] Installing chromium with apt-get failed (see above).");
    process.exit(1);
  }
  if (chromiumExecutable()) process.exit(0);
}
console.error(
  "[passerelle] The end-to-end tests need Chromium and none was found.\n" +
    "  Install one of: `npx playwright install chromium` (needs internet), your system's chromium package\n" +
    "  (e.g. `apt-get install chromium`), or set CHROMIUM_PATH to a Chromium/Chrome executable.",
);
process.exit(1);
