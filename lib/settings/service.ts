import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { settingJumps } from "@/lib/admin/big-change";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { ruleSetSchema, type EligibilityRule } from "@/lib/eligibility/rules";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import { describeIssues, parseForWording } from "./issue-wording";
import { jsonSyntaxError } from "./json-locate";
import { editableSettings, settingKeys, type SettingKey } from "./registry";
import { changedMeanwhile, unsavedVersion, versionOf } from "./version";

const settingVersion = versionOf(sql`value`);

/**
 * The text as JSON, or a refusal naming the line and column where it stops being JSON (and
 * the offset, so the editor can put the cursor there). Strings, so no language formats them
 * as numbers ("1.234" in German).
 */
function parseJson(raw: string): unknown {
  try {
    // "\ud800" escapes parse into lone surrogates, which jsonb refuses: made well-formed here.
    return JSON.parse(raw, (_key, value: unknown) => (typeof value === "string" ? value.toWellFormed() : value));
  } catch {
    const place = jsonSyntaxError(raw);
    if (!place) throw new ActionError("settingNotJson", "value");
    throw new ActionError("settingNotJsonAt", "value", { line: String(place.line), column: String(place.column), offset: place.offset });
  }
}

/**
 * Each editable setting as stored (or its default), pretty-printed for the editor, with the
 * version of the stored value that a save must carry back.
 */
export async function editableValues(tx: DbOrTx = db()): Promise<{ key: SettingKey; json: string; updatedAt: Date | null; stored: boolean; version: string }[]> {
  const rows = (await tx.execute(sql`select key, value, updated_at, ${settingVersion} as version from settings`)) as unknown as { key: string; value: unknown; updated_at: Date; version: string }[];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return settingKeys.map((key) => {
    const row = byKey.get(key);
    // Parsed, so fields added since the value was saved show with their defaults.
    const parsed = row ? editableSettings[key].schema.safeParse(row.value) : null;
    const value = row ? (parsed?.success ? parsed.data : row.value) : editableSettings[key].fallback;
    return { key, json: JSON.stringify(value, null, 2), updatedAt: row?.updated_at ?? null, stored: Boolean(row), version: row?.version ?? unsavedVersion };
  });
}

/**
 * Replaces a setting after checking it against its schema; what was there before goes to the
 * audit. With a version (every admin form), the stored value must still be the one the form
 * showed, else nothing is written (`changedMeanwhile`); the row is locked first, then read.
 * A refusal names each place as the page does, in `locale` (the reader's language). A number
 * moved more than tenfold is refused unless `confirmed` (lib/admin/big-change.ts).
 */
export async function saveSetting(tx: DbOrTx, key: SettingKey, raw: string, version?: string, locale: Locale = defaultLocale, confirmed = false): Promise<{ before: unknown; after: unknown; version: string }> {
  const parsed = parseForWording(editableSettings[key].schema, parseJson(raw));
  if (!parsed.success) throw new ActionError("settingInvalid", "value", { details: describeIssues(parsed.error, key, locale) });
  await tx.execute(sql`select key from settings where key = ${key} for update`);
  const [previous] = (await tx.execute(sql`select value, ${settingVersion} as version from settings where key = ${key}`)) as unknown as { value: unknown; version: string }[];
  if (version !== undefined && version !== (previous?.version ?? unsavedVersion)) throw changedMeanwhile();
  // A number moved more than tenfold (a cap 148 200 → 14 820 000) is most often a typo: saved only once confirmed.
  const jumps = settingJumps(previous ? previous.value : editableSettings[key].fallback, parsed.data);
  if (jumps.length > 0 && !confirmed) {
    const issues = jumps.map((j) => ({ code: "custom" as const, path: j.path, message: "bigJump", params: { from: formatNumber(locale, j.from), to: formatNumber(locale, j.to) }, input: j.to }));
    throw new ActionError("settingBigChange", "value", { details: describeIssues({ issues }, key, locale), values: jumps.map((j) => formatNumber(locale, j.to)).join(", ") });
  }
  // A first save racing another first save: the loser's insert finds the row and writes nothing.
  const written = (await tx.execute(sql`
    insert into settings (key, value, updated_at) values (${key}, ${JSON.stringify(parsed.data)}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = now()
     where ${version === undefined || previous !== undefined}
    returning ${settingVersion} as version`)) as unknown as { version: string }[];
  if (written.length === 0) throw changedMeanwhile();
  // The version the page will show from now on: the form waits for it (components/admin/versioned-form.tsx).
  return { before: previous?.value ?? null, after: parsed.data, version: written[0].version };
}

/** The active eligibility rules and their version (rules that no longer parse show as none). */
export async function activeEligibilityRules(tx: DbOrTx = db()): Promise<{ version: number; rules: EligibilityRule[] } | null> {
  const [row] = (await tx.execute(sql`select version, rules from eligibility_rule_sets where active`)) as unknown as { version: number; rules: unknown }[];
  if (!row) return null;
  const parsed = ruleSetSchema.safeParse(row.rules);
  return { version: row.version, rules: parsed.success ? parsed.data : [] };
}

/**
 * Publishes a new version of the eligibility rules (the old ones stay, inactive, so each
 * decision keeps pointing at the version it was made with). `basedOn`: the active version
 * the editor showed; if another was published since, nothing is published.
 */
export async function publishEligibilityRules(tx: DbOrTx, actorId: string, raw: string, basedOn?: number, locale: Locale = defaultLocale): Promise<{ version: number }> {
  const parsed = parseForWording(ruleSetSchema, parseJson(raw));
  if (!parsed.success) throw new ActionError("settingInvalid", "value", { details: describeIssues(parsed.error, "rules", locale) });
  // A name used twice: "Rule 5, name: the same name as rule 2".
  const ids = parsed.data.map((r) => r.id);
  const issues = ids.flatMap((id, i) => (ids.indexOf(id) !== i ? [{ code: "custom" as const, path: [i, "id"], message: "ruleIdTwice", params: { n: ids.indexOf(id) + 1 }, input: id }] : []));
  if (issues.length > 0) throw new ActionError("settingInvalid", "value", { details: describeIssues({ issues }, "rules", locale) });
  await tx.execute(sql`lock table eligibility_rule_sets in exclusive mode`);
  // Read after the lock (a new statement): another admin's version published meanwhile is seen.
  const [{ next, active }] = (await tx.execute(sql`
    select coalesce(max(version), 0) + 1 as next, coalesce(max(version) filter (where active), 0) as active from eligibility_rule_sets`)) as unknown as { next: number; active: number }[];
  if (basedOn !== undefined && basedOn !== Number(active)) throw changedMeanwhile();
  await tx.execute(sql`update eligibility_rule_sets set active = false where active`);
  await tx.execute(sql`insert into eligibility_rule_sets (version, rules, active, created_by) values (${next}, ${JSON.stringify(parsed.data)}::jsonb, true, ${actorId})`);
  return { version: next };
}

export type Holiday = { canton: string; day: string; name: string };

export async function holidaysOfYear(year: number, tx: DbOrTx = db()): Promise<Holiday[]> {
  return (await tx.execute(sql`
    select canton, day::text as day, name from public_holidays where extract(year from day) = ${year} order by day, canton`)) as unknown as Holiday[];
}

export async function addHoliday(tx: DbOrTx, holiday: Holiday): Promise<void> {
  const rows = await tx.execute(sql`insert into public_holidays (canton, day, name) values (${holiday.canton}, ${holiday.day}::date, ${holiday.name}) on conflict do nothing returning day`);
  if (rows.length === 0) throw new ActionError("holidayExists", "day");
}

export async function removeHoliday(tx: DbOrTx, holiday: Pick<Holiday, "canton" | "day">): Promise<void> {
  const rows = await tx.execute(sql`delete from public_holidays where canton = ${holiday.canton} and day = ${holiday.day}::date returning day`);
  if (rows.length === 0) throw new ActionError("holidayNotFound");
}
