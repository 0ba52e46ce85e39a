import { beforeAll, describe, expect, test } from "vitest";
import { auditFilterSchema, searchAudit } from "@/lib/audit/queries";
import { pageQuery } from "@/lib/http/search-params";
import * as q from "@/lib/http/page-queries";
import { listDevMail } from "@/lib/mail/dev-mailbox";
import { findEmployeeForHr, reviewMonth } from "@/lib/rht/periods";
import { monthOrCurrent } from "@/lib/rht/month";
import { getMonthSheet } from "@/lib/rht/timesheet";
import { listStaff } from "@/lib/roster/roles";
import { onsiteRoster } from "@/lib/roster/onsite";
import { holidaysOfYear } from "@/lib/settings/service";
import { listQueue } from "@/lib/triage/queries";
import { createEmployee, seedJourney } from "../support/factories";
import { hostileStrings } from "../support/hostile";

// Each page that reads searchParams parses them with its schema in
// lib/http/page-queries (or the audit filter); the parsed values then go to
// the same queries the page runs. Hostile values end as defaults, never as a
// database error (a 500).

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const hostileCursors = [cursor({ p: 1, n: 1e300, s: "2026-01-01T00:00:00Z" }), cursor({ p: 1, n: 1, s: "2026-02-30" }), cursor({ p: 1, n: 1, s: "1" }), cursor({ p: 1e20, n: 1, s: "2026-01-01T00:00:00.000Z" })];

/** Each key alone with each hostile string, as Next hands them over: a string, or an array when repeated. */
function hostileSearchParams(keys: string[]): Record<string, string | string[]>[] {
  const values = [...hostileStrings, ...hostileCursors];
  return keys.flatMap((key) => values.flatMap((v) => [{ [key]: v }, { [key]: [v, "x"] }, { [key]: ["x", v] }]));
}

let employeeId = "";
beforeAll(async () => {
  await seedJourney();
  employeeId = (await createEmployee()).id;
});

type Case = [string, string[], (raw: Record<string, string | string[]>) => Promise<unknown>];
const cases: Case[] = [
  ["/it", ["category", "status", "priority", "site", "orgUnit", "assignee", "incident", "q", "after"], async (raw) => {
    const f = pageQuery(q.itQueueQuery, raw);
    return listQueue(f, employeeId, f.after);
  }],
  ["/admin/audit", ["action", "actor", "target", "from", "to", "before"], async (raw) => searchAudit(pageQuery(auditFilterSchema, raw))],
  ["/admin/onsite", ["day"], async (raw) => onsiteRoster(pageQuery(q.onsiteQuery, raw).day ?? "2026-03-02")],
  ["/admin/roster", ["q"], async (raw) => listStaff(pageQuery(q.rosterQuery, raw).q ?? null)],
  ["/admin/settings", ["year"], async (raw) => holidaysOfYear(pageQuery(q.settingsQuery, raw).year ?? 2026)],
  ["/admin", ["by"], async (raw) => expect(["site", "unit"]).toContain(pageQuery(q.dashboardQuery, raw).by)],
  ["/dev/mailbox", ["to"], async (raw) => listDevMail(pageQuery(q.mailboxQuery, raw).to ?? null)],
  ["/timesheet and /hr", ["month"], async (raw) => {
    const month = monthOrCurrent(pageQuery(q.monthQuery, raw).month);
    return Promise.all([getMonthSheet(employeeId, month), reviewMonth(month)]);
  }],
  ["/hr/people", ["number", "month", "version"], async (raw) => {
    const query = pageQuery(q.hrPersonQuery, raw);
    return query.number ? findEmployeeForHr(query.number) : null;
  }],
];

describe("pages' search params under hostile values", () => {
  test.each(cases)("%s: parsed to defaults or valid values, and its queries answer", async (_page, keys, run) => {
    const failures: string[] = [];
    for (const raw of hostileSearchParams(keys)) {
      try {
        await run(raw);
      } catch (error) {
        failures.push(`${JSON.stringify(raw).slice(0, 120)}: ${String(error).slice(0, 100)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
