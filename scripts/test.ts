// `npm test`: everything, in order, stopping at the first failure:
// types, lint, unit + integration (throwaway PostgreSQL), production build, e2e in Chromium.
import { spawnSync } from "node:child_process";
import { ensureBuild } from "./lib/build";

const bin = (name: string) => `node_modules/.bin/${name}`;

const steps: { name: string; run: () => boolean }[] = [
  { name: "types", run: () => exec(bin("tsc"), ["--noEmit"]) },
  { name: "lint", run: () => exec(bin("eslint"), ["--max-warnings", "0", "."]) },
  { name: "unit and integration", run: () => exec(bin("vitest"), ["run"]) },
  { name: "chromium", run: () => exec(process.execPath, ["--import", "tsx", "scripts/ensure-chromium.ts"]) },
  {
    name: "production build",
    run: () => {
      try {
        ensureBuild((line) => console.log(`[passerelle] ${line}`));
        return true;
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        return false;
      }
    },
  },
  { name: "end-to-end", run: () => exec(bin("playwright"), ["test"]) },
];

function exec(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status === 0;
}

let passed = 0;
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  if (!step.run()) {
    console.error(`\n✖ ${step.name} failed after ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed += 1;
  console.log(`✔ ${step.name} (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`steps: ${passed} passed, 0 failed`);
