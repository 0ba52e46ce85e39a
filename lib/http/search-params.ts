import { notFound } from "next/navigation";
import { z } from "zod";
import { hasNul, isCalendarDate } from "./fields";

// One parser for every query string, in pages (`searchParams`) and route
// handlers (`new URL(request.url).searchParams`). A query string is typed by
// anyone: a repeated key arrives as an array, a NUL byte or an impossible date
// would reach PostgreSQL as an error. Here each key keeps its first value and
// a value with a NUL byte counts as junk, before the page's own zod schema.

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined> | undefined | null;

export type QueryResult<T> = { ok: true; data: T } | { ok: false; reason: string };

/** Each key's first value (`?q=a&q=b` → "a"), and whether any value held a NUL byte (those are left out). */
export function firstValues(raw: RawSearchParams): { values: Record<string, string>; junk: string[] } {
  const values: Record<string, string> = {};
  const junk: string[] = [];
  const take = (key: string, value: unknown) => {
    if (key in values || junk.includes(key)) return;
    if (typeof value !== "string") return;
    if (hasNul(value) || hasNul(key)) junk.push(key);
    else values[key] = value;
  };
  if (!raw) return { values, junk };
  if (raw instanceof URLSearchParams) {
    for (const [key, value] of raw) take(key, value);
  } else {
    for (const [key, value] of Object.entries(raw)) take(key, Array.isArray(value) ? value[0] : value);
  }
  return { values, junk };
}

/**
 * For route handlers: the query as `schema` reads it, or a refusal (answer
 * 400). Unknown keys are ignored; a NUL byte anywhere refuses the request.
 */
export function parseQuery<S extends z.ZodType>(schema: S, raw: RawSearchParams): QueryResult<z.output<S>> {
  const { values, junk } = firstValues(raw);
  if (junk.length > 0) return { ok: false, reason: "nul" };
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.path.join(".") || "query").join(",") };
  return { ok: true, data: parsed.data };
}

/**
 * For pages: filters fall back to their defaults instead of failing, so the
 * schema's fields should end in `.catch(...)`. A value with a NUL byte is
 * treated as absent. When the schema still refuses, the page answers
 * `notFound()` (a 404 page, not a 500).
 */
export function pageQuery<S extends z.ZodType>(schema: S, raw: RawSearchParams): z.output<S> {
  const parsed = schema.safeParse(firstValues(raw).values);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** What Next hands a page as `searchParams`. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

// Field schemas for query strings: lenient (a malformed filter is simply
// ignored) because a URL is often hand-edited or truncated.

const blankIsNone = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Optional free text (search boxes): trimmed, at most `max` characters, blank → undefined. */
export const queryText = (max: number) => z.preprocess(blankIsNone, z.string().trim().max(max).optional()).catch(undefined);

/** Optional "YYYY-MM-DD" that exists on the calendar. */
export const queryDate = () => z.preprocess(blankIsNone, z.string().refine(isCalendarDate).optional()).catch(undefined);

/** Optional uuid. */
export const queryUuid = () => z.preprocess(blankIsNone, z.uuid().optional()).catch(undefined);

/** Optional value out of a fixed list. */
export const queryEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** Optional positive integer that PostgreSQL's bigint holds exactly (keyset cursors). */
export const queryId = () => z.preprocess(blankIsNone, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()).catch(undefined);
