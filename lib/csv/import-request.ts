import "server-only";
import { ActionError } from "@/lib/auth/action-error";
import { getCurrentPerson } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { chooseLocale, localeCookie, type Locale } from "@/lib/i18n/config";
import { errorText } from "@/lib/i18n/error-texts";
import { logger } from "@/lib/log/logger";
import type { CurrentPerson } from "@/lib/roster/queries";
import { maxImportBytes } from "./limits";

// The edge of the import routes (app/api/imports/*). They are kept out of proxy.ts, whose
// body handling would cut files at 10 MB, so everything is checked here, before a byte of
// the file is read: same-site origin (CSRF), session, role, CSV content type, size.

const noStore = { "Cache-Control": "no-store" };
/** Imports running at once on this instance: each may hold a 50 MB file and its rows. */
const maxConcurrent = 2;
const holder = globalThis as unknown as { __passerelleImports?: { running: number } };
const slots = (holder.__passerelleImports ??= { running: 0 });

function localeOf(request: Request, person: CurrentPerson | null): Locale {
  const cookie = request.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]+)`))?.[1];
  return chooseLocale(cookie, person?.locale, request.headers.get("accept-language"));
}

/** A refusal the form shows as is: the message key, and the message in the person's language. */
export function importRefusal(request: Request, person: CurrentPerson | null, status: number, key: string): Response {
  return Response.json({ ok: false, error: key, message: errorText(localeOf(request, person), key) }, { status, headers: noStore });
}

export type ImportCaller = { person: CurrentPerson; bytes: Uint8Array; params: URLSearchParams; release: () => void };

/**
 * The caller and the file, or the refusal to send: 403 from another site or without the
 * role, 401 without a session, 400 when `valid` refuses the query (mode…), 415 when the body is not CSV (a cross-site form cannot send
 * text/csv), 413 past 50 MB (declared or counted while reading), 429 when two imports are
 * already running. The caller must `release()` once the import is done.
 */
export async function receiveImport(request: Request, roles: readonly Role[], valid: (params: URLSearchParams) => boolean): Promise<ImportCaller | Response> {
  // Browsers send Origin on every POST; the session cookie is SameSite=Lax on top of this.
  if (request.headers.get("origin") !== new URL(env().PUBLIC_URL).origin) return importRefusal(request, null, 403, "forbidden");
  const person = await getCurrentPerson();
  if (!person) return importRefusal(request, null, 401, "unauthenticated");
  if (!hasRole(person.roles, roles)) return importRefusal(request, person, 403, "forbidden");
  const params = new URL(request.url).searchParams;
  if (!valid(params)) return importRefusal(request, person, 400, "invalidInput");
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "text/csv") return importRefusal(request, person, 415, "importNoFile");
  const declared = request.headers.get("content-length");
  if (declared !== null && !/^\d+$/.test(declared)) return importRefusal(request, person, 400, "importNoFile");
  if (declared !== null && Number(declared) > maxImportBytes) return importRefusal(request, person, 413, "importTooLarge");
  if (slots.running >= maxConcurrent) return importRefusal(request, person, 429, "importBusy");
  slots.running += 1;
  let released = false;
  const release = () => {
    if (!released) slots.running -= 1;
    released = true;
  };
  try {
    const bytes = request.body ? await readCapped(request.body, maxImportBytes, declared === null ? null : Number(declared)) : new Uint8Array(0);
    if (bytes === null) {
      release();
      return importRefusal(request, person, 413, "importTooLarge");
    }
    if (bytes.byteLength === 0) {
      release();
      return importRefusal(request, person, 400, "importNoFile");
    }
    return { person, bytes, params, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The whole body, or null as soon as it passes `max` bytes (the rest is never read). With a
 * declared length the bytes go straight into one buffer of that size (no second copy).
 */
async function readCapped(body: ReadableStream<Uint8Array>, max: number, declared: number | null): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const into = declared !== null ? new Uint8Array(declared) : null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > (into ? into.byteLength : max)) {
      await reader.cancel().catch(() => {});
      return null;
    }
    if (into) into.set(value, size);
    else chunks.push(value);
    size += value.byteLength;
  }
  if (into) return into.subarray(0, size);
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A whole import route: the checks above, `run` (parse, then one transaction with its audit
 * row), and its report as `{ ok: true, data }`. A domain refusal (ActionError) is a 409 with
 * its message; an unreachable database a 503 "unavailable"; anything else is logged without
 * the file and answered as "unexpected".
 */
export async function handleImport<R>(request: Request, access: { roles: readonly Role[]; valid: (params: URLSearchParams) => boolean }, run: (caller: ImportCaller) => Promise<R>): Promise<Response> {
  let caller: ImportCaller | Response;
  try {
    caller = await receiveImport(request, access.roles, access.valid);
  } catch (error) {
    // The session is read from PostgreSQL: out of reach is "unavailable", never "signed out".
    if (isDatabaseUnavailable(error)) return importRefusal(request, null, 503, "unavailable");
    throw error;
  }
  if (caller instanceof Response) return caller;
  try {
    return Response.json({ ok: true, data: withIssueTexts(await run(caller), localeOf(request, caller.person)) }, { headers: noStore });
  } catch (error) {
    if (error instanceof ActionError) return importRefusal(request, caller.person, 409, error.key);
    // PostgreSQL out of reach: "try again in a minute", as pages and actions say it.
    if (isDatabaseUnavailable(error)) return importRefusal(request, caller.person, 503, "unavailable");
    logger.error({ route: new URL(request.url).pathname, err: error }, "import failed");
    return importRefusal(request, caller.person, 500, "unexpected");
  } finally {
    caller.release();
  }
}

type Report = { issues?: unknown; warnings?: unknown };
type KeyedIssue = { key: string; values?: Record<string, string | number> };

/** A report's issues and warnings each with its message in the person's language (the browser holds only its own forms' messages). */
function withIssueTexts<R>(data: R, locale: Locale): R {
  if (!data || typeof data !== "object") return data;
  const report = data as Report;
  const texts = (list: unknown) => (Array.isArray(list) ? list.map((issue: KeyedIssue) => ({ ...issue, message: errorText(locale, issue.key, issue.values) })) : list);
  return { ...data, ...("issues" in report ? { issues: texts(report.issues) } : {}), ...("warnings" in report ? { warnings: texts(report.warnings) } : {}) };
}
