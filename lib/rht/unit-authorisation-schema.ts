import { z } from "zod";
import { isoDate } from "@/lib/http/fields";

/** An empty date field is no limit on that side (null); anything else is a real calendar day. */
const optionalDay = z.preprocess((v) => (v === "" || v === undefined ? null : v), isoDate().nullable());

/**
 * A unit's short-time work authorisation as HR sets it (form and action share it).
 * `company`: the unit follows the company setting (the dates typed are ignored);
 * `unit`: its own first and/or last day, at least one of them (an empty one is open-ended).
 */
export const unitAuthorisationSchema = z
  .object({
    unitId: z.uuid(),
    source: z.enum(["company", "unit"]),
    from: optionalDay,
    until: optionalDay,
  })
  .superRefine((v, ctx) => {
    if (v.source !== "unit") return;
    if (v.from === null && v.until === null) ctx.addIssue({ code: "custom", path: ["from"], message: "authorisationDateRequired" });
    if (v.from !== null && v.until !== null && v.until < v.from) ctx.addIssue({ code: "custom", path: ["until"], message: "authorisationEndsBeforeStart" });
  })
  // Idempotent, since the form sends the parsed values and the action parses them again.
  .transform((v) => (v.source === "unit" ? v : { ...v, from: null, until: null }));

export type UnitAuthorisationInput = z.input<typeof unitAuthorisationSchema>;
