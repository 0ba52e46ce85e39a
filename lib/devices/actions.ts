"use server";

import { z } from "zod";
import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { devicePathSchema, handoverSchema } from "./schema";
import { cancelDevice, chooseHandover, requestDevice } from "./service";

const request = defineAction({
  name: "device.request",
  idempotentSeconds: repeatWindowSeconds,
  schema: devicePathSchema,
  access: { roles: ["employee"] },
  handler: ({ path }, { person, tx }) => requestDevice(tx, person!.employeeId, path),
  audit: ({ path }, result, { person }) =>
    result.created ? { action: "device.request", targetType: "allocation", targetId: result.allocationId, details: { path, status: result.status, employeeId: person!.employeeId } } : null,
});

const handover = defineAction({
  name: "device.handover",
  idempotentSeconds: repeatWindowSeconds,
  schema: handoverSchema,
  access: { roles: ["employee"] },
  handler: (input, { person, tx }) => chooseHandover(tx, person!.employeeId, input),
  // The address itself stays out of the audit log.
  audit: (input, _r, { person }) => ({ action: "device.handover", targetType: "employee", targetId: person!.employeeId, details: { method: input.method } }),
});

const cancel = defineAction({
  name: "device.cancel",
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
