// "The database cannot be reached right now" as one shared notion, so that every
// layer (session lookup, actions, pages, health) tells an outage apart from a
// bug and from "nobody is signed in". Pure: the client error page imports the
// digest constant, so nothing server-only may be imported here.

/**
 * Next keeps an error's own `digest` when it crosses from the server to the
 * error page (create-error-handler.js respects an existing digest), while the
 * message is blanked in production. The error page recognises an outage by it.
 */
export const databaseUnavailableDigest = "PASSERELLE_DATABASE_UNAVAILABLE";

/** Node socket errors and postgres.js's own connection codes. */
const connectionCodes = new Set([
  "ECONNREFUSED", // nothing listens: server stopped or killed
  "ECONNRESET", // killed while we were connected
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT", // postgres.js: connect_timeout elapsed
  "CONNECTION_CLOSED", // postgres.js: the socket closed under a query
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/**
 * SQLSTATEs that mean "not now" rather than "your request is wrong":
 * class 08 (connection exception), 57P01–57P03 (shutting down, crashed,
 * starting up or recovering) and 53300 (too many connections).
 * 57014 (statement timeout / cancel) and 55P03 (lock timeout) are left out:
 * they usually point at one slow query, not at the server.
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

export class DatabaseUnavailableError extends Error {
  readonly digest = databaseUnavailableDigest;

  constructor(cause?: unknown) {
    // No detail from the cause in the message: it may carry a host or a query.
    super("The database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** True when `error` (or anything it wraps) says PostgreSQL cannot be reached or used right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyInChain(error, (value, code) => value instanceof DatabaseUnavailableError || (code !== null && (connectionCodes.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code)))));
}

/**
 * True when PostgreSQL stopped a statement at the connection's time limits: the statement ran
 * past `statement_timeout` (57014) or waited past `lock_timeout` for a row someone else holds
 * (55P03). Nothing of the transaction is kept; for the person it is "busy, try again".
 */
export function isStatementCut(error: unknown): boolean {
  return anyInChain(error, (_, code) => code === "57014" || code === "55P03");
}

function anyInChain(error: unknown, test: (value: object, code: string | null) => boolean): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const { code, cause, errors } = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (test(value, typeof code === "string" ? code : null)) return true;
    // drizzle wraps query errors (cause), next-auth wraps adapter errors, net wraps per-address attempts (errors).
    if (visit(cause)) return true;
    return Array.isArray(errors) && errors.some(visit);
  };
  return visit(error);
}

/** For `catch` blocks: an outage becomes a DatabaseUnavailableError, anything else is returned as it was. */
export function toDatabaseUnavailable(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  return isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
}
