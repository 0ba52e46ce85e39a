import "server-only";
import { refresh } from "next/cache";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { isDatabaseUnavailable, isStatementCut } from "@/lib/db/errors";
import { DatabaseBusyError } from "@/lib/db/scope";
import { runTransaction } from "@/lib/db/transaction";
import { hasNul } from "@/lib/http/fields";
import { claimReceipt, receiptHash, storeReceipt } from "./receipts";
import { logger } from "@/lib/log/logger";
import { ActionError } from "./action-error";
import type { ActionFailure, ActionResult } from "./action-result";
import type { CurrentPerson } from "@/lib/roster/queries";
import { hasRole, type Role } from "./roles";
import { getCurrentPerson } from "./session";
import { errorTexts } from "@/lib/i18n/error-texts";
import { requestLocale } from "@/lib/i18n/server-translations";

export type { ActionResult };

type Access = { roles: readonly Role[] } | "public";

type ActionConfig<S extends z.ZodType, R> = {
  /** Audit action name, e.g. `employee.deactivate`. */
  name: string;
  schema: S;
  /** Who may call it; "public" still re-reads the session for the handler. */
  access: Access;
  /** The domain work, inside one transaction with the audit row. */
  handler: (input: z.output<S>, ctx: { person: CurrentPerson | null; tx: Tx }) => Promise<R>;
  /** What to audit (null: nothing, e.g. an anonymous language switch). */
  audit?: (input: z.output<S>, result: R, ctx: { person: CurrentPerson | null }) => Omit<AuditEntry, "actorEmployeeId"> | null;
  /**
   * The same content from the same person within this many seconds answers what
   * the first answered, without doing the work again (a retry, a double click, two
   * tabs). For every action a person may repeat by accident; not for those whose
   * answer is a secret (recovery codes) or whose refusals keep writes.
   */
  idempotentSeconds?: number;
  /**
   * The page it is sent from shows its outcome: on success the page's new render travels back
   * with the answer (next/cache's `refresh`), so the browser asks for nothing more (its form does
   * not call `router.refresh()` after a success). One round trip where there were two: for a person
   * at home, one wait less on a slow link, and no refresh lost on a flaky one after the work was done.
   */
  refreshesPage?: boolean;
};

export { ActionError };

/** A person's identical submit within two minutes is a retry, a double click or a second tab. */
export const repeatWindowSeconds = 120;

/**
 * Fields holding a NUL character, by path. PostgreSQL refuses U+0000 in text,
 * and no person types it: such input is refused at the edge, next to its field.
 */
export function fieldsWithNul(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return hasNul(value) ? [path.join(".") || "_form"] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldsWithNul(v, [...path, String(i)]));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([k, v]) => [...(hasNul(k) ? [path.join(".") || "_form"] : []), ...fieldsWithNul(v, [...path, k])]);
  }
  return [];
}

/**
 * Every string made well-formed UTF-16 (a lone surrogate becomes U+FFFD): a browser
 * never sends one, but a forged request can, and PostgreSQL's jsonb refuses it.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), wellFormed(v)]));
  }
  return value;
}

function toInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) if (!key.startsWith("$ACTION")) out[key] = wellFormed(value);
    return out;
  }
  return wellFormed(raw);
}

/**
 * The one wrapper every server action goes through:
 * session → role → zod → domain function → audit, the last two in one transaction.
 */
export function defineAction<S extends z.ZodType, R>(config: ActionConfig<S, R>) {
  const attempt = attemptOf(config);
  return async (raw: z.input<S> | FormData): Promise<ActionResult<R>> => {
    const caller: { person: CurrentPerson | null } = { person: null };
    const result = await attempt(raw, caller);
    return result.ok ? result : { ...result, messages: errorTexts(await requestLocale(caller.person?.locale), refusalKeys(result), result.values) };
  };
}

/** Outside a Server Action's request (a test or a script calling the action) there is no page to refresh. */
function refreshSendingPage(): void {
  try {
    refresh();
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith("refresh can only be called from within a Server Action"))) throw error;
  }
}

/** Every message key a refusal carries: the form's and each field's. */
function refusalKeys(result: ActionFailure): string[] {
  return [...(result.formError ? [result.formError] : []), ...Object.values(result.fieldErrors ?? {}).flat()];
}

function attemptOf<S extends z.ZodType, R>(config: ActionConfig<S, R>) {
  return async (raw: z.input<S> | FormData, caller: { person: CurrentPerson | null }): Promise<ActionResult<R>> => {
    let person: CurrentPerson | null;
    try {
      person = caller.person = await getCurrentPerson();
    } catch (error) {
      // A database that cannot be reached is an outage, never a signed-out session.
      if (!isDatabaseUnavailable(error)) throw error;
      logger.warn({ action: config.name }, "action refused: database unavailable");
      return { ok: false, formError: "unavailable" };
    }
    if (config.access !== "public") {
      if (!person) return { ok: false, formError: "unauthenticated" };
      if (!hasRole(person.roles, config.access.roles)) return { ok: false, formError: "forbidden" };
    }
    const input = toInput(raw);
    const withNul = fieldsWithNul(input);
    if (withNul.length > 0) {
      return { ok: false, fieldErrors: Object.fromEntries(withNul.map((key) => [key, ["invalidCharacters"]])), formError: "invalidInput" };
    }
    const parsed = config.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, fieldErrors, formError: "invalidInput" };
    }
    try {
      const receipt = config.idempotentSeconds && person ? { actor: person.employeeId, hash: receiptHash(parsed.data) } : null;
      const data = await runTransaction(async (tx) => {
        if (receipt) {
          const claim = await claimReceipt(tx, receipt.actor, config.name, receipt.hash, config.idempotentSeconds!);
          if (!claim.fresh) return claim.result as R;
        }
        const result = await config.handler(parsed.data, { person, tx });
        if (receipt) await storeReceipt(tx, receipt.actor, config.name, receipt.hash, result);
        const entry = config.audit ? config.audit(parsed.data, result, { person }) : { action: config.name };
        if (entry) await recordAudit(tx, { ...entry, actorEmployeeId: person?.employeeId ?? null });
        return result;
      });
      if (config.refreshesPage) refreshSendingPage();
      return { ok: true, data };
    } catch (error) {
      if (error instanceof ActionError) {
        return error.field
          ? { ok: false, fieldErrors: { [error.field]: [error.key] }, formError: "invalidInput", values: error.values }
          : { ok: false, formError: error.key, values: error.values };
      }
      if (isDatabaseUnavailable(error)) {
        logger.warn({ action: config.name }, "action refused: database unavailable");
        return { ok: false, formError: "unavailable" };
      }
      if (error instanceof DatabaseBusyError) {
        logger.warn({ action: config.name }, "action refused: no database connection came free in time");
        return { ok: false, formError: "busy" };
      }
      if (isStatementCut(error)) {
        logger.warn({ action: config.name }, "action refused: a statement ran past the database's time limits");
        return { ok: false, formError: "busy" };
      }
      // Logged through the error serializer (lib/log/errors.ts): its type, code, scrubbed message,
      // stack and causes, so that a nesting bug or a driver's failure (UNSAFE_TRANSACTION, found
      // this way under load) is found and fixed; never the query's values.
      logger.error({ action: config.name, err: error }, "action failed");
      return { ok: false, formError: "unexpected" };
    }
  };
}
