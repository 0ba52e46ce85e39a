import "server-only";
import type { DbOrTx } from "@/db/client";
import { claimReceipt, receiptHash, storeReceipt } from "@/lib/auth/receipts";
import type { DeviceRequestResult } from "./place-request";
import type { DevicePath } from "./rules";
import { requestDevice } from "./service";

/** The action's name: its receipts and audit rows. */
export const requestActionName = "device.request";

/**
 * The device request as its server action runs it (lib/devices/actions.ts): what defineAction
 * does around a handler, receipt and audit, done here instead, so that a new request's are
 * written by the statement that takes the pools' lock, and nothing follows it but the commit
 * (./place-request). Same receipt (the same content within `windowSeconds` answers the first
 * answer; its row lock makes a concurrent repeat wait), same audit row, only for a new request.
 */
export async function requestDeviceAsAction(tx: DbOrTx, employeeId: string, input: { path: DevicePath }, windowSeconds: number): Promise<DeviceRequestResult> {
  const hash = receiptHash(input);
  const claim = await claimReceipt(tx, employeeId, requestActionName, hash, windowSeconds);
  if (!claim.fresh) return claim.result as DeviceRequestResult;
  const result = await requestDevice(tx, employeeId, input.path, {
    receipt: { actor: employeeId, action: requestActionName, hash },
    audit: { actorEmployeeId: employeeId, action: requestActionName, details: { path: input.path, employeeId } },
  });
  // Asked before: no decision, no audit row (as defineAction's audit said), the answer kept.
  if (!result.created) await storeReceipt(tx, employeeId, requestActionName, hash, result);
  return result;
}
