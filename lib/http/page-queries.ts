import { z } from "zod";
import { monthPattern } from "@/lib/rht/month";
import { ticketStatuses } from "@/lib/triage/rules";
import { queryDate, queryEnum, queryId, queryText, queryUuid } from "./search-params";

// The query string of every page that reads one, as zod schemas: a page reads
// `pageQuery(schema, await searchParams)` and gets typed values or defaults,
// whatever was typed in the address bar. (Next allows no extra exports from a
// page file, so they live here, and tests call them with hostile values.)

const month = z.string().regex(monthPattern).optional().catch(undefined);

/** /timesheet, /hr, /hr/import, /hr/units/[unitId]: the month shown (else the current one). */
export const monthQuery = z.object({ month });

/** /hr/people: an employee by number, a month and one of its locked versions. */
export const hrPersonQuery = z.object({ number: queryText(40), month, version: queryId() });

/** /admin: the funnel grouped by site (default) or by unit. */
export const dashboardQuery = z.object({ by: z.enum(["site", "unit"]).catch("site") });

/** /admin/roster: the staff search box. */
export const rosterQuery = z.object({ q: queryText(100) });

/** /admin/settings: the year whose public holidays are listed. */
export const settingsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/** /admin/onsite: the day (else today). */
export const onsiteQuery = z.object({ day: queryDate() });

/** /dev/mailbox: the recipient filter. */
export const mailboxQuery = z.object({ to: queryText(254) });

const categories = ["eligibility_review", "token_problem", "no_connectivity", "vpn_blocked", "gateway_unreachable", "device_problem", "help_request"] as const;

/** /it: the queue's filters and keyset cursor. */
export const itQueueQuery = z.object({
  category: queryEnum(categories),
  status: z.enum(["open", ...ticketStatuses]).catch("open"),
  priority: queryEnum(["urgent", "high", "normal", "low"]),
  site: queryUuid(),
  orgUnit: queryUuid(),
  assignee: queryEnum(["me", "unassigned"]),
  incident: queryUuid(),
  q: queryText(100),
  after: queryText(200),
});
export const itCategories = categories;
