import { z } from "zod";
import { confirmedField } from "@/lib/admin/big-change";
import { isoDate } from "@/lib/http/fields";
import { versionField } from "@/lib/settings/version-field";

export const poolKinds = ["laptop", "vdi_seat", "vpn_licence", "hardware_token", "router_4g"] as const;

const count = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number({ error: "numberInvalid" }).int("numberInvalid").min(0, "numberNegative").max(max, "numberTooLarge"));

/**
 * A pool's capacity and daily activation wave (empty: no daily limit), the version the form
 * showed, and whether the admin confirmed a change of more than ten times (lib/admin/big-change.ts).
 */
export const poolSchema = z.object({
  kind: z.enum(poolKinds),
  version: versionField,
  confirmed: confirmedField,
  capacity: count(1_000_000),
  dailyLimit: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), count(100_000).nullable()).refine((v) => v === null || v > 0, "numberNegative"),
});

/** Units that arrived: at least one (confirmed when they make the stock more than ten times what it is). */
export const arrivalSchema = z.object({ kind: z.enum(poolKinds), count: count(100_000).refine((v) => v > 0, "numberNegative"), confirmed: confirmedField });

export const handoverDoneSchema = z.object({ allocationId: z.uuid() });

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeInvalid");

/** A collection slot: site, day, start and end (Zurich time), how many people. */
export const slotSchema = z.object({
  siteId: z.uuid("siteRequired"),
  day: isoDate(),
  start: time,
  end: time,
  capacity: count(1000).refine((v) => v > 0, "numberNegative"),
});
export type SlotInput = z.output<typeof slotSchema>;

export const slotCapacitySchema = z.object({ slotId: z.uuid(), capacity: count(1000), version: versionField, confirmed: confirmedField });

const quantity = count(100_000).refine((v) => v > 0, "numberNegative");
const deliveryVersion = z.coerce.number().int().min(1);

/** A delivery IT expects: which pool, on which day (today or later), how many units. */
export const deliverySchema = z.object({ kind: z.enum(poolKinds), expectedOn: isoDate(), quantity });
/** A planned delivery moved (day or quantity), as the form saw it (`version`). */
export const deliveryMoveSchema = z.object({ id: z.uuid(), version: deliveryVersion, expectedOn: isoDate(), quantity });
/** A planned delivery cancelled, or recorded as arrived. */
export const deliveryRefSchema = z.object({ id: z.uuid(), version: deliveryVersion });

/** Pools whose queue has a forecast (the stock page previews a delivery's effect on it). */
export const forecastKinds = ["laptop", "vdi_seat", "router_4g"] as const;

/**
 * A delivery as the admin is typing it, before saving: a new one, or `deliveryId` moved to this
 * day and quantity. The stock page shows the pool's forecast with it (issue 17 point 3).
 */
export const deliveryPreviewSchema = z.object({ kind: z.enum(forecastKinds), deliveryId: z.uuid().optional(), expectedOn: isoDate(), quantity });

/** A pool's stock and daily wave as the admin is typing them, before saving: the forecast with them. */
export const poolPreviewSchema = z.object({ kind: z.enum(forecastKinds), capacity: poolSchema.shape.capacity, dailyLimit: poolSchema.shape.dailyLimit });
