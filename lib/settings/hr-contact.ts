import "server-only";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { getSetting } from "./queries";
import { defaultHrContact, hrContactSchema, type HrContact } from "./schemas";

/** The HR contact admins set in settings; all fields empty while none is set. */
export async function getHrContact(tx: DbOrTx = db()): Promise<HrContact> {
  return getSetting("hr_contact", hrContactSchema, defaultHrContact, tx);
}
