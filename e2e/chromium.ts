import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium the e2e tests drive: Playwright's own build when it was
 * downloaded, else the system's (Debian's `chromium`), which is what these
 * machines have. scripts/ensure-chromium.ts installs it when neither exists.
 */
export function chromiumExecutable(): string | undefined {
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return undefined;
  } catch {
    /* no bundled browser registered */
  }
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
