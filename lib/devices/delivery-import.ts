import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { looksLikeFormula } from "@/lib/csv/formula";
import { readHeader, type Header } from "@/lib/csv/header";
import { IssueList, type Issue } from "@/lib/csv/issues";
import { maxImportBytes } from "@/lib/csv/limits";
import { csvBatches, MalformedCsv } from "@/lib/csv/stream";
import { insertDelivery, lockDeliveries, mailChangedDates, plannedOf, setDelivery } from "./deliveries";
import type { PoolKind } from "./pools";

// A supplier's delivery plan as a CSV (issue 17 point 1): one line per expected delivery, with
// the pool, the day, the units and the supplier's own line reference. All or nothing, problems
// listed by line like the other imports. Importing the plan again (a revised one) moves the
// lines it names by reference instead of adding them twice; the people whose date moves are
// mailed once per import, not once per line.

/** `unchanged`: lines naming a delivery that already arrived or was cancelled. */
export type DeliveryImportReport = { rows: number; planned: number; moved: number; unchanged: number; mailed: number; applied: boolean; issues: Issue[]; issueCount: number };
type Line = { line: number; kind: PoolKind; date: string; quantity: number; reference: string | null };

const kinds: readonly PoolKind[] = ["laptop", "vdi_seat", "vpn_licence", "hardware_token", "router_4g"];
/** A plan is a few hundred lines; more is the wrong file. */
const maxRows = 10_000;

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Every line checked on its own, `today` (Zurich) the earliest day a delivery may be expected. */
export async function parseDeliveryPlan(bytes: Uint8Array, today: string): Promise<{ rows: number; lines: Line[]; issues: IssueList }> {
  const issues = new IssueList();
  const lines: Line[] = [];
  const refuse = (issue: Issue) => {
    const only = new IssueList();
    only.add(issue);
    return { rows: 0, lines: [], issues: only };
  };
  if (bytes.byteLength > maxImportBytes) return refuse({ line: 1, column: null, key: "importTooLarge" });
  let header: Header | null = null;
  const references = new Map<string, number>();
  try {
    for await (const batch of csvBatches(bytes)) {
      for (const { record, line } of batch) {
        if (!header) {
          header = readHeader(record, { known: ["pool", "date", "quantity", "reference"], required: ["pool", "date", "quantity"] }, issues);
          if (issues.count > 0) return { rows: 0, lines: [], issues };
          continue;
        }
        if (lines.length + 1 > maxRows) return refuse({ line: 1, column: null, key: "importTooManyRows", values: { max: maxRows } });
        if (issues.full(line)) return { rows: lines.length, lines: [], issues };
        const kind = header.at(record, "pool").toLowerCase() as PoolKind;
        const date = header.at(record, "date");
        const quantityText = header.at(record, "quantity");
        const quantity = Number(quantityText);
        const reference = header.has("reference") ? header.at(record, "reference") || null : null;
        if (!kinds.includes(kind)) issues.add({ line, column: "pool", key: "deliveryPoolUnknown", values: { pools: kinds.join(", ") } });
        if (!isDay(date)) issues.add({ line, column: "date", key: "dateInvalid" });
        else if (date < today) issues.add({ line, column: "date", key: "deliveryInPast" });
        if (!/^\d+$/.test(quantityText) || quantity < 1 || quantity > 100_000) issues.add({ line, column: "quantity", key: "numberInvalid" });
        if (reference !== null && (reference.length > 100 || looksLikeFormula(reference))) issues.add({ line, column: "reference", key: "rosterTooLong" });
        else if (reference !== null) {
          const key = `${kind}:${reference}`;
          if (references.has(key)) issues.add({ line, column: "reference", key: "importDuplicate", values: { first: references.get(key)! } });
          else references.set(key, line);
        }
        lines.push({ line, kind, date, quantity, reference });
      }
    }
  } catch (error) {
    if (error instanceof MalformedCsv) return refuse({ line: error.line, column: null, key: "importMalformed", values: { line: error.line } });
    throw error;
  }
  if (!header) return refuse({ line: 1, column: null, key: "importEmpty" });
  return { rows: lines.length, lines, issues };
}

/**
 * The plan checked (`apply` false: what it would plan and move) or applied: per pool, under its
 * delivery lock, a line whose reference is planned moves it, one whose reference arrived or was
 * cancelled is left alone, any other line is a new delivery; then the pool's people whose date
 * moved are mailed once.
 */
export async function importDeliveryPlan(tx: DbOrTx, actorId: string | null, bytes: Uint8Array, apply: boolean): Promise<DeliveryImportReport> {
  const [{ today }] = (await tx.execute(sql`select (now() at time zone 'Europe/Zurich')::date::text as today`)) as unknown as { today: string }[];
  const { rows, lines, issues } = await parseDeliveryPlan(bytes, today);
  if (issues.count > 0) return { rows, planned: 0, moved: 0, unchanged: 0, mailed: 0, applied: false, ...issues.report() };
  let planned = 0;
  let moved = 0;
  let unchanged = 0;
  let mailed = 0;
  for (const kind of [...new Set(lines.map((l) => l.kind))].sort()) {
    if (apply) await lockDeliveries(tx, kind);
    const before = await plannedOf(tx, kind);
    for (const l of lines.filter((x) => x.kind === kind)) {
      // A line the plan named before: moved while planned; left alone once arrived or cancelled.
      const [known] = l.reference
        ? ((await tx.execute(sql`
            select d.id, d.status::text as status from planned_deliveries d join resource_pools p on p.id = d.pool_id
             where p.kind = ${kind}::pool_kind and d.reference = ${l.reference} ${apply ? sql`for update of d` : sql``}`)) as unknown as { id: string; status: string }[])
        : [];
      if (known?.status === "planned") {
        moved += 1;
        if (apply) await setDelivery(tx, known.id, { expectedOn: l.date, quantity: l.quantity });
      } else if (known) unchanged += 1;
      else {
        planned += 1;
        if (apply) await insertDelivery(tx, actorId, { kind, expectedOn: l.date, quantity: l.quantity, reference: l.reference });
      }
    }
    if (apply) mailed += await mailChangedDates(tx, kind, before);
  }
  return { rows, planned, moved, unchanged, mailed, applied: apply, issues: [], issueCount: 0 };
}

/** The import route's work: the plan, its mails and its audit row commit together. */
export async function runDeliveryImport(actorId: string, bytes: Uint8Array, apply: boolean): Promise<DeliveryImportReport> {
  return db().transaction(async (tx) => {
    // A whole company's file: long work, not a web request's few seconds.
    await allowLongWork(tx);
    const report = await importDeliveryPlan(tx, actorId, bytes, apply);
    if (report.applied) await recordAudit(tx, { actorEmployeeId: actorId, action: "deliveries.import", targetType: "planned_delivery", targetId: "plan", details: { planned: report.planned, moved: report.moved, mailed: report.mailed } });
    return report;
  });
}
