import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { hitRateLimit, rateKey } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { notifyEmployee } from "@/lib/mail/notify";
import { lockCase } from "@/lib/onboarding/queries";
import { raiseTicket } from "@/lib/tickets/service";
import { open, parseKey, seal } from "./secret-box";
import { matchingStep, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode } from "./totp";

export const maxFailedAttempts = 10;
export const lockMinutes = 15;

const key = () => parseKey(env().TOKEN_ENCRYPTION_KEY);
const hashRecoveryCode = (code: string) => createHmac("sha256", key()).update(normalizeRecoveryCode(code)).digest("hex");

type TokenRow = {
  id: string;
  type: "totp" | "hardware";
  status: "pending_verification" | "active";
  secret_enc: string | null;
  last_used_step: string | number | null;
  locked_until: string | null;
  locked: boolean;
};

async function currentToken(tx: DbOrTx, employeeId: string): Promise<TokenRow | null> {
  const [row] = (await tx.execute(sql`
    select id, type, status, secret_enc, last_used_step, locked_until, (locked_until is not null and locked_until > now()) as locked
      from mfa_tokens where employee_id = ${employeeId} and status in ('pending_verification', 'active')`)) as unknown as TokenRow[];
  return row ?? null;
}

/**
 * Counts a failed code in the action's own transaction; the caller then refuses
 * with `ActionError.keeping`, which commits the count and the audit row. Ten
 * failures lock enrollment for 15 minutes.
 */
async function recordFailure(tx: DbOrTx, tokenId: string, employeeId: string): Promise<{ locked: boolean; triesLeft: number }> {
  const [row] = (await tx.execute(sql`
    update mfa_tokens
       set failed_attempts = case when failed_attempts + 1 >= ${maxFailedAttempts} then 0 else failed_attempts + 1 end,
           locked_until = case when failed_attempts + 1 >= ${maxFailedAttempts} then now() + make_interval(mins => ${lockMinutes}) else locked_until end
     where id = ${tokenId}
     returning failed_attempts, (locked_until is not null and locked_until > now()) as locked`)) as unknown as { failed_attempts: number; locked: boolean }[];
  await recordAudit(tx, { actorEmployeeId: employeeId, action: row.locked ? "token.locked" : "token.code_refused", targetType: "mfa_token", targetId: tokenId });
  return { locked: row.locked, triesLeft: maxFailedAttempts - row.failed_attempts };
}

function lockedError(lockedUntil: string | null): ActionError {
  const until = lockedUntil ? new Intl.DateTimeFormat("de-CH", { timeZone: "Europe/Zurich", timeStyle: "short" }).format(new Date(lockedUntil)) : "";
  return ActionError.keeping("tokenLocked", undefined, { until });
}

/**
 * A token is for telework: a person whose eligibility check said no is refused here, in every
 * enrollment action, not only kept off /token (issue 13 point 6). Pending and review may still
 * prepare their token. The caller holds the case lock, so the answer cannot change meanwhile.
 */
async function assertMayEnroll(tx: DbOrTx, employeeId: string): Promise<void> {
  const [row] = (await tx.execute(sql`select eligibility from onboarding_cases where employee_id = ${employeeId}`)) as unknown as { eligibility: string }[];
  if (row?.eligibility === "not_eligible") throw new ActionError("tokenNotEligible");
}

/** Starts (or resumes) authenticator-app enrollment: a secret waits for its first code. */
export async function startTotpEnrollment(tx: DbOrTx, employeeId: string): Promise<{ tokenId: string }> {
  await lockCase(tx, employeeId);
  await assertMayEnroll(tx, employeeId);
  const token = await currentToken(tx, employeeId);
  if (token?.status === "active") throw new ActionError("tokenActive");
  if (token?.type === "totp") return { tokenId: token.id };
  const [row] = (await tx.execute(sql`
    insert into mfa_tokens (employee_id, type, status, secret_enc) values (${employeeId}, 'totp', 'pending_verification', ${seal(newTotpSecret(), key())})
    returning id`)) as unknown as { id: string }[];
  return { tokenId: row.id };
}

/** Starts over with a new secret (e.g. the QR code was scanned on the wrong phone). */
export async function restartTotpEnrollment(tx: DbOrTx, employeeId: string): Promise<{ tokenId: string }> {
  await lockCase(tx, employeeId);
  await assertMayEnroll(tx, employeeId);
  const token = await currentToken(tx, employeeId);
  if (token?.status === "active") throw new ActionError("tokenActive");
  if (token?.locked) throw lockedError(token.locked_until);
  if (token) await tx.execute(sql`update mfa_tokens set status = 'revoked', revoked_at = now() where id = ${token.id}`);
  return startTotpEnrollment(tx, employeeId);
}

/** For the owner's enrollment page only: the pending secret, to show as QR code and manual key. */
export async function pendingTotpSecret(employeeId: string): Promise<string | null> {
  const token = await currentToken(db(), employeeId);
  if (!token || token.type !== "totp" || token.status !== "pending_verification" || !token.secret_enc) return null;
  return open(token.secret_enc, key());
}

async function issueRecoveryCodes(tx: DbOrTx, employeeId: string): Promise<string[]> {
  await tx.execute(sql`delete from recovery_codes where employee_id = ${employeeId}`);
  const codes = newRecoveryCodes(10);
  for (const code of codes) await tx.execute(sql`insert into recovery_codes (employee_id, code_hash) values (${employeeId}, ${hashRecoveryCode(code)})`);
  return codes;
}

/**
 * Activates the authenticator app with its first code (±1 step of drift). A
 * code is accepted once; a wrong or reused code counts as a failure.
 * Returns the ten recovery codes, shown once.
 */
export async function verifyTotp(tx: DbOrTx, employeeId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  await lockCase(tx, employeeId);
  await assertMayEnroll(tx, employeeId);
  const token = await currentToken(tx, employeeId);
  if (!token || token.type !== "totp" || token.status !== "pending_verification") throw new ActionError("noPendingToken");
  if (token.locked) throw lockedError(token.locked_until);

  const step = matchingStep(open(token.secret_enc!, key()), code);
  const lastStep = token.last_used_step === null ? null : Number(token.last_used_step);
  if (step === null || (lastStep !== null && step <= lastStep)) {
    const failure = await recordFailure(tx, token.id, employeeId);
    if (failure.locked) throw lockedError(new Date(Date.now() + lockMinutes * 60_000).toISOString());
    throw ActionError.keeping(step === null ? "codeWrongTries" : "codeReused", "code", { triesLeft: failure.triesLeft });
  }
  const activated = (await tx.execute(sql`
    update mfa_tokens set status = 'active', activated_at = now(), last_used_step = ${step}, failed_attempts = 0, locked_until = null
     where id = ${token.id} and status = 'pending_verification' and (last_used_step is null or last_used_step < ${step})
     returning id`)) as unknown as { id: string }[];
  if (activated.length === 0) throw new ActionError("codeReused", "code");
  await notifyEmployee(tx, employeeId, "tokenActivated", {}, "/token");
  return { recoveryCodes: await issueRecoveryCodes(tx, employeeId) };
}

/**
 * Activates a hardware token: its serial (printed on it) and its current code.
 * A serial belongs to one person: assigned by IT, or claimed by the first
 * person who proves they hold it.
 */
export async function enrollHardwareToken(tx: DbOrTx, employeeId: string, serial: string, code: string): Promise<{ recoveryCodes: string[] }> {
  await lockCase(tx, employeeId);
  await assertMayEnroll(tx, employeeId);
  const token = await currentToken(tx, employeeId);
  if (token?.status === "active") throw new ActionError("tokenActive");
  // Every attempt counts, and the count survives the refusals below (they keep their writes).
  const limit = await hitRateLimit(tx, rateKey("hardware-enroll", employeeId), maxFailedAttempts, lockMinutes);
  if (!limit.allowed) throw ActionError.keeping("tooManyAttempts", undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });

  const [hardware] = (await tx.execute(sql`
    select h.id, h.secret_enc, h.assigned_employee_id,
           (select max(last_used_step) from mfa_tokens m where m.hardware_token_id = h.id) as last_step
      from hardware_tokens h where h.serial = ${serial}
       for update`)) as unknown as { id: string; secret_enc: string; assigned_employee_id: string | null; last_step: string | null }[];
  // Unknown and someone else's serial get the same answer: it tells nothing about other people.
  if (!hardware || (hardware.assigned_employee_id !== null && hardware.assigned_employee_id !== employeeId)) {
    throw ActionError.keeping("serialUnknown", "serial");
  }
  const step = matchingStep(open(hardware.secret_enc, key()), code);
  if (step === null || (hardware.last_step !== null && step <= Number(hardware.last_step))) {
    throw ActionError.keeping(step === null ? "codeWrong" : "codeReused", "code");
  }
  await tx.execute(sql`update hardware_tokens set assigned_employee_id = ${employeeId}, assigned_at = coalesce(assigned_at, now()) where id = ${hardware.id}`);
  if (token) await tx.execute(sql`update mfa_tokens set status = 'revoked', revoked_at = now() where id = ${token.id}`);
  await tx.execute(sql`
    insert into mfa_tokens (employee_id, type, status, hardware_token_id, last_used_step, activated_at)
    values (${employeeId}, 'hardware', 'active', ${hardware.id}, ${step}, now())`);
  await notifyEmployee(tx, employeeId, "tokenActivated", {}, "/token");
  return { recoveryCodes: await issueRecoveryCodes(tx, employeeId) };
}

/** Lost token or new phone: a recovery code (once) revokes the current token so a new one can be set up. */
export async function resetWithRecoveryCode(tx: DbOrTx, employeeId: string, recoveryCode: string): Promise<void> {
  await lockCase(tx, employeeId);
  const limit = await hitRateLimit(tx, rateKey("recovery-code", employeeId), maxFailedAttempts, lockMinutes);
  if (!limit.allowed) throw ActionError.keeping("tooManyAttempts", undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const used = (await tx.execute(sql`
    update recovery_codes set used_at = now()
     where employee_id = ${employeeId} and code_hash = ${hashRecoveryCode(recoveryCode)} and used_at is null
     returning id`)) as unknown as { id: string }[];
  if (used.length === 0) throw ActionError.keeping("recoveryCodeWrong", "recoveryCode");
  await tx.execute(sql`
    update mfa_tokens set status = 'revoked', revoked_at = now()
     where employee_id = ${employeeId} and status in ('pending_verification', 'active')`);
  await tx.execute(sql`update hardware_tokens set assigned_employee_id = null, assigned_at = null where assigned_employee_id = ${employeeId}`);
}

/** "I need help with my token": a token_problem ticket with the case attached. */
export async function requestTokenHelp(tx: DbOrTx, employeeId: string): Promise<{ number: number }> {
  await lockCase(tx, employeeId);
  const ticket = await raiseTicket(tx, { employeeId, category: "token_problem", summary: "Token enrollment: the employee asked for help", actorEmployeeId: employeeId });
  return { number: ticket.number };
}

export type TokenView = {
  state: "none" | "pending" | "locked" | "active";
  type: "totp" | "hardware" | null;
  lockedUntil: Date | null;
  recoveryCodesLeft: number;
};

export async function getTokenView(employeeId: string): Promise<TokenView> {
  // Two reads that do not depend on each other: one round trip's wait.
  const [token, [codes]] = await Promise.all([
    currentToken(db(), employeeId),
    db().execute(sql`select count(*)::int as n from recovery_codes where employee_id = ${employeeId} and used_at is null`) as unknown as Promise<{ n: number }[]>,
  ]);
  return {
    state: !token ? "none" : token.status === "active" ? "active" : token.locked ? "locked" : "pending",
    type: token?.type ?? null,
    lockedUntil: token?.locked ? new Date(token.locked_until!) : null,
    recoveryCodesLeft: codes.n,
  };
}
