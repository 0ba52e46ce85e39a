import { maskAvs } from "./avs";

// Errors as they may be logged or stored. A database error carries what the
// query was given: drizzle puts the SQL and its parameters in the message
// ("Failed query: … params: …") and in `query`/`params`; postgres.js adds
// `query`/`parameters`, and PostgreSQL itself echoes values in `detail`
// ("Key (email)=(anna@…) already exists") and at the end of some messages
// (`invalid input syntax for type uuid: "…"`). Those values are addresses,
// token hashes, names: none of them may reach a log line.

/** PostgreSQL fields that name things (constraint, table) but never carry a value. */
const keptFields = ["code", "severity", "constraint_name", "table_name", "column_name", "schema_name", "routine"] as const;

const maxDepth = 4;

/** An error's message without query text, parameters, quoted values or e-mail addresses. */
export function safeErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "unknown error";
  return scrub(raw);
}

/** drizzle's "Failed query: <sql> params: <values>" → "Failed query"; other messages unchanged. */
export const withoutQuery = (message: string) => (message.startsWith("Failed query:") ? "Failed query" : message);

function scrub(text: string): string {
  return maskAvs(withoutQuery(text))
    .split("\n")[0]
    .replace(/: ".*"$/s, ': "[redacted]"') // PostgreSQL's trailing echo of the refused value
    .replace(/[^\s<>@"'()]+@[^\s<>@"'()]+/g, "[address]")
    .slice(0, 300);
}

export type SafeError = { type: string; message: string; stack?: string; cause?: SafeError } & Partial<Record<(typeof keptFields)[number], unknown>>;

/**
 * The pino serializer for `err`: type, scrubbed message, the stack's frames
 * (their first line repeats the message, so it is rebuilt) and the cause
 * chain, with only the PostgreSQL fields that carry no value.
 */
export function serializeError(error: unknown, depth = 0): SafeError | unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrub(error) : error;
  const message = safeErrorMessage(error);
  const out: SafeError = { type: error.constructor?.name || error.name, message };
  if (error.stack) {
    const frames = error.stack.split("\n").filter((line) => /^\s+at /.test(line));
    out.stack = [`${error.name}: ${message}`, ...frames].join("\n");
  }
  const fields = error as unknown as Record<string, unknown>;
  for (const key of keptFields) if (fields[key] !== undefined) out[key] = fields[key];
  if (error.cause !== undefined && depth < maxDepth) out.cause = serializeError(error.cause, depth + 1) as SafeError;
  return out;
}

/** Whether an error came from PostgreSQL or the driver (and so may hold parameters). */
export function isDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, i = 0; e instanceof Error && i <= maxDepth; e = e.cause, i += 1) {
    if (e.name === "PostgresError" || e.constructor?.name === "DrizzleQueryError") return true;
  }
  return false;
}
