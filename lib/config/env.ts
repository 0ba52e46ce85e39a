import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated environment, parsed once per process (and at start-up in instrumentation.ts). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
