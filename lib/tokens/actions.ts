"use server";

import { z } from "zod";
import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { hardwareTokenSchema, recoveryCodeSchema, verifyTotpSchema } from "./schema";
import { enrollHardwareToken, requestTokenHelp, resetWithRecoveryCode, restartTotpEnrollment, startTotpEnrollment, verifyTotp } from "./service";

const employeeOnly = { roles: ["employee"] } as const;

const start = defineAction({
  name: "token.start_totp",
  refreshesPage: true,
  schema: z.object({ restart: z.boolean().optional() }),
  access: employeeOnly,
  handler: ({ restart }, { person, tx }) => (restart ? restartTotpEnrollment(tx, person!.employeeId) : startTotpEnrollment(tx, person!.employeeId)),
  audit: ({ restart }, result, { person }) => ({ action: restart ? "token.restart_totp" : "token.start_totp", targetType: "mfa_token", targetId: result.tokenId, details: { employeeId: person!.employeeId } }),
});

const verify = defineAction({
  name: "token.activate_totp",
  schema: verifyTotpSchema,
  access: employeeOnly,
  handler: ({ code }, { person, tx }) => verifyTotp(tx, person!.employeeId, code),
  audit: (_i, _r, { person }) => ({ action: "token.activate", targetType: "employee", targetId: person!.employeeId, details: { type: "totp" } }),
});

const hardware = defineAction({
  name: "token.activate_hardware",
  schema: hardwareTokenSchema,
  access: employeeOnly,
  handler: ({ serial, code }, { person, tx }) => enrollHardwareToken(tx, person!.employeeId, serial, code),
  audit: ({ serial }, _r, { person }) => ({ action: "token.activate", targetType: "employee", targetId: person!.employeeId, details: { type: "hardware", serial } }),
});

const reset = defineAction({
  name: "token.reset_with_recovery_code",
  refreshesPage: true,
  schema: recoveryCodeSchema,
  access: employeeOnly,
  handler: ({ recoveryCode }, { person, tx }) => resetWithRecoveryCode(tx, person!.employeeId, recoveryCode),
});

const help = defineAction({
  name: "token.help_requested",
  idempotentSeconds: repeatWindowSeconds,
  schema: z.object({}),
  access: employeeOnly,
  handler: (_i, { person, tx }) => requestTokenHelp(tx, person!.employeeId),
});

export async function startTotpAction(input: { restart?: boolean }) {
  const result = await start(input);
  return result.ok ? { ok: true as const, data: null } : result;
}

export async function verifyTotpAction(input: unknown) {
  return verify(input as never);
}

export async function enrollHardwareAction(input: unknown) {
  return hardware(input as never);
}

export async function resetTokenAction(input: unknown) {
  return reset(input as never);
}

export async function requestTokenHelpAction() {
  return help({});
}
