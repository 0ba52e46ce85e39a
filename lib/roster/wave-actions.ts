"use server";

import { defineAction } from "@/lib/auth/action";
import { createWave, setWaveStatus } from "./waves";
import { waveSchema, waveStatusSchema } from "./wave-schema";

const create = defineAction({
  name: "wave.create",
  refreshesPage: true,
  schema: waveSchema,
  access: { roles: ["admin"] },
  handler: (i, { person, tx }) => createWave(tx, person!.employeeId, i),
  audit: (i, r) => ({ action: "wave.create", targetType: "invitation_wave", targetId: r.id, details: { name: i.name, siteId: i.siteId || null, orgUnitId: i.orgUnitId || null, perDay: i.perDay } }),
});

const status = defineAction({
  name: "wave.status",
  refreshesPage: true,
  schema: waveStatusSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => setWaveStatus(tx, i.waveId, i.status),
  audit: (i) => ({ action: `wave.${i.status === "active" ? "resume" : "pause"}`, targetType: "invitation_wave", targetId: i.waveId }),
});

export async function createWaveAction(input: unknown) {
  return create(input as never);
}
export async function setWaveStatusAction(input: unknown) {
  return status(input as never);
}
