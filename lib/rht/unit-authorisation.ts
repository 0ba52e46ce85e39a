import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import type { RhtSettings } from "@/lib/settings/schemas";
import { rhtSettings, unitSettings } from "./employee-months";

// The cantonal office authorises short-time work per department and period (issue 14 point 8).
// A unit may have its own first and last day; without them (both null) the company setting
// applies. The figures read the same rule through `unitSettings`, so what HR sees here is
// what the 10 % test, the declaration and the checks use.

/** First and last authorised day ("YYYY-MM-DD"); null: no limit on that side. */
export type AuthorisationRange = { from: string | null; until: string | null };

/** The unit's effective authorisation, whose it is, and the company's (what clearing returns to). */
export type UnitAuthorisation = AuthorisationRange & { source: "unit" | "company"; company: AuthorisationRange };

/** The unit's own dates before and after a change (both null: the company setting). */
export type UnitAuthorisationChange = { before: AuthorisationRange; after: AuthorisationRange };

async function ownRange(tx: DbOrTx, unitId: string, forUpdate: boolean): Promise<AuthorisationRange> {
  // FOR UPDATE waits for an approval or lock of the unit's month under way (they hold the row FOR SHARE).
  const rows = (await tx.execute(sql`
    select rht_authorized_from::text as "from", rht_authorized_until::text as until from org_units
     where id = ${unitId} ${forUpdate ? sql`for update` : sql``}`)) as unknown as AuthorisationRange[];
  if (!rows[0]) throw new ActionError("unitNotFound");
  return rows[0];
}

function effective(own: AuthorisationRange, settings: RhtSettings): UnitAuthorisation {
  const applied = unitSettings(settings, own);
  return {
    from: applied.authorizedFrom,
    until: applied.authorizedUntil,
    source: own.from !== null || own.until !== null ? "unit" : "company",
    company: { from: settings.authorizedFrom, until: settings.authorizedUntil },
  };
}

/** The unit's effective authorisation (its own, else the company's). Refuses an unknown unit. */
export async function unitAuthorisation(unitId: string, tx: DbOrTx = db()): Promise<UnitAuthorisation> {
  const own = await ownRange(tx, unitId, false);
  return effective(own, await rhtSettings(tx));
}

const within = (range: AuthorisationRange, day: string) => (range.from === null || day >= range.from) && (range.until === null || day <= range.until);

/** Every day of a month ("YYYY-MM-01") as "YYYY-MM-DD". */
function daysOf(first: string): string[] {
  const [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${first.slice(0, 8)}${String(i + 1).padStart(2, "0")}`);
}

/**
 * Sets the unit's own authorisation; both null returns it to the company setting.
 * Refused when the last day is before the first (next to `until`), and when the change
 * would alter an approved or locked month of the unit: a month is altered when one of its
 * days is authorised before and not after, or the reverse. The first such month is named.
 */
export async function setUnitAuthorisation(tx: Tx, unitId: string, next: AuthorisationRange): Promise<UnitAuthorisationChange> {
  if (next.from !== null && next.until !== null && next.until < next.from) throw new ActionError("authorisationEndsBeforeStart", "until");
  const before = await ownRange(tx, unitId, true);
  if (before.from === next.from && before.until === next.until) return { before, after: next };
  const company = await rhtSettings(tx);
  const [was, will] = [effective(before, company), effective(next, company)];
  const closed = (await tx.execute(sql`
    select month::text as month, status::text as status from rht_periods
     where org_unit_id = ${unitId} and status in ('approved', 'locked') order by month`)) as unknown as { month: string; status: "approved" | "locked" }[];
  for (const period of closed) {
    if (daysOf(period.month).some((day) => within(was, day) !== within(will, day))) {
      throw new ActionError(period.status === "locked" ? "authorisationMonthLocked" : "authorisationMonthApproved", undefined, { month: period.month.slice(0, 7) });
    }
  }
  await tx.execute(sql`update org_units set rht_authorized_from = ${next.from}::date, rht_authorized_until = ${next.until}::date where id = ${unitId}`);
  return { before, after: next };
}
