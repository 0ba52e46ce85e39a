import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { lockOrCreate } from "@/lib/db/lock-or-create";
import type { CaseSteps, Connectivity, Device, Eligibility, Path, Token } from "./rules";

/**
 * Creates the employee's case if needed and locks it for this transaction.
 * Every change to a person's journey starts here, so two requests of the same
 * person (double click, two tabs) run one after the other.
 */
export async function lockCase(tx: DbOrTx, employeeId: string): Promise<void> {
  await lockOrCreate(
    tx,
    sql`select id from onboarding_cases where employee_id = ${employeeId} for update`,
    sql`insert into onboarding_cases (employee_id) values (${employeeId}) on conflict (employee_id) do nothing`,
  );
}

type StepsRow = {
  eligibility: Eligibility | null;
  connectivity: Connectivity | null;
  device_status: "waiting" | "reserved" | "issued" | "released" | null;
  device_kind: "laptop" | "vdi_seat" | null;
  handover_method: string | null;
  token_status: "pending_verification" | "active" | "revoked" | null;
  token_locked: boolean | null;
};

/**
 * The journey's step states, derived from where each fact lives: eligibility
 * and connectivity on the case, the device from the latest allocation, the
 * token from the latest token. Nothing is written on a read.
 */
export async function getCaseSteps(employeeId: string, tx: DbOrTx = db()): Promise<CaseSteps> {
  const [row] = (await tx.execute(sql`
    select c.eligibility, c.connectivity,
           a.status as device_status, a.kind as device_kind, a.handover_method,
           t.status as token_status, (t.locked_until is not null and t.locked_until > now()) as token_locked
      from (select ${employeeId}::uuid as employee_id) me
      left join onboarding_cases c on c.employee_id = me.employee_id
      left join lateral (
        select status, kind, handover_method from allocations
         where employee_id = me.employee_id and kind in ('laptop', 'vdi_seat')
         order by (status <> 'released') desc, requested_at desc limit 1) a on true
      left join lateral (
        select status, locked_until from mfa_tokens
         where employee_id = me.employee_id
         order by (status <> 'revoked') desc, created_at desc limit 1) t on true
  `)) as unknown as StepsRow[];

  const device: Device = !row.device_status ? "none" : row.device_status === "released" ? "cancelled" : row.device_status;
  const path: Path = device === "none" || device === "cancelled" ? null : row.device_kind === "vdi_seat" ? "vdi" : "laptop";
  const token: Token = !row.token_status
    ? "none"
    : row.token_status === "revoked"
      ? "reset"
      : row.token_status === "active"
        ? "active"
        : row.token_locked
          ? "locked"
          : "pending_verification";
  return {
    eligibility: row.eligibility ?? "pending",
    connectivity: row.connectivity ?? "not_tested",
    device,
    path,
    handoverChosen: row.handover_method !== null || path === "vdi",
    handoverMethod: row.handover_method === "collect" || row.handover_method === "ship" ? row.handover_method : null,
    token,
  };
}

/** Whether IT has an open request of the person's: it decides whether "no internet" waits for IT or for a new test. */
export async function hasOpenTicket(employeeId: string, tx: DbOrTx = db()): Promise<boolean> {
  const rows = await tx.execute(sql`select 1 from tickets where employee_id = ${employeeId} and status not in ('resolved', 'closed') limit 1`);
  return rows.length > 0;
}
