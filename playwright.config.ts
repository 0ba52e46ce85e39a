import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./e2e/chromium";

const executablePath = chromiumExecutable();

const browser = {
  ...devices["Desktop Chrome"],
  locale: "en-GB",
  launchOptions: {
    executablePath,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

// Also the specs that sign in as demo accounts other specs use: a new link replaces the
// previous one, so two workers signing in as hr@demo.test at once would spoil each other's link.
const sharedSettingsSpecs = /(device-queue|connectivity|ready|triage|rht-declaration|rht-import|rht-month-flow|admin)\.spec\.ts$/;

// The server (embedded PostgreSQL + `next start` of the production build) is
// started by e2e/global-setup.ts on free loopback ports and stopped at the end.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // A whole journey takes ~50 s on a quiet 2-core machine; a busy CI machine must not turn that
  // into a failure (a timeout is a net against hangs, not a verdict on speed).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    locale: "en-GB",
    timezoneId: "Europe/Zurich",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: browser, testIgnore: sharedSettingsSpecs },
    // These change what every test depends on (pool capacity, STUN target, the shared queue)
    // or share demo accounts: one at a time, after the others.
    { name: "chromium-shared-settings", use: browser, testMatch: sharedSettingsSpecs, workers: 1, dependencies: ["chromium"] },
  ],
});
