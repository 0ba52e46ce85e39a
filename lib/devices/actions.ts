"use server";

import { z } from "zod";
import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { devicePathSchema, handoverSchema } from "./schema";
import { requestActionName, requestDeviceAsAction } from "./request-action";
import { cancelDevice, chooseHandover } from "./service";

// Receipt and audit row like every action's, but written by the request's deciding statement,
// the one that takes the pools' lock: nothing but the commit follows it (./request-action).
const request = defineAction({
  name: requestActionName,
  refreshesPage: true,
  schema: devicePathSchema,
  access: { roles: ["employee"] },
  handler: (input, { person, tx }) => requestDeviceAsAction(tx, person!.employeeId, input, repeatWindowSeconds),
  audit: () => null,
});

const handover = defineAction({
  name: "device.handover",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: handoverSchema,
  access: { roles: ["employee"] },
  handler: (input, { person, tx }) => chooseHandover(tx, person!.employeeId, input),
  // The address itself stays out of the audit log.
  audit: (input, _r, { person }) => ({ action: "device.handover", targetType: "employee", targetId: person!.employeeId, details: { method: input.method } }),
});

const cancel = defineAction({
  name: "device.cancel",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: z.object({}),
  access: { roles: ["employee"] },
  handler: (_input, { person, tx }) => cancelDevice(tx, person!.employeeId),
  audit: (_i, result, { person }) => ({ action: "device.cancel", targetType: "employee", targetId: person!.employeeId, details: { promoted: result.promoted } }),
});

export async function requestDeviceAction(input: unknown) {
  return request(input as never);
}

export async function chooseHandoverAction(input: unknown) {
  return handover(input as never);
}

export async function cancelDeviceAction() {
  return cancel({});
}
