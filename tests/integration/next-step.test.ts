import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { reportNoInternet } from "@/lib/connectivity/service";
import { chooseHandover, requestDevice } from "@/lib/devices/service";

import { pendingTotpSecret, startTotpEnrollment, verifyTotp } from "@/lib/tokens/service";
import { totpCode } from "@/lib/tokens/totp";
import { createEligibleEmployees, seedJourney, setPool } from "../support/factories";
import { inTransaction as tx } from "../support/in-transaction";
import { getNextAction } from "../support/next-action";

// The next step read from the real records, as the status, /device and /token pages read it:
// each finished step leads on to the next one (issue 13, points 5 and 8).

beforeAll(async () => {
  await seedJourney();
  await setPool("vdi_seat", 1000, null);
  await setPool("laptop", 1000, null);
});

async function activateToken(employeeId: string) {
  await tx((t) => startTotpEnrollment(t, employeeId));
  const secret = (await pendingTotpSecret(employeeId))!;
  await tx((t) => verifyTotp(t, employeeId, totpCode(secret)));
}

test("a VDI seat leads to the token, an active token to the connection test", async () => {
  const [person] = await createEligibleEmployees(1);
  expect(await getNextAction(person.id)).toEqual({ step: "device", href: "/device" });
  await tx((t) => requestDevice(t, person.id, "vdi"));
  expect(await getNextAction(person.id)).toEqual({ step: "token", href: "/token" });
  await activateToken(person.id);
  expect(await getNextAction(person.id)).toEqual({ step: "connectivity", href: "/connectivity" });
});

test("a reserved laptop asks for collection or delivery first, then leads to the token", async () => {
  const [person] = await createEligibleEmployees(1);
  await tx((t) => requestDevice(t, person.id, "laptop"));
  expect(await getNextAction(person.id)).toEqual({ step: "device_handover", href: "/device" });
  await tx((t) => chooseHandover(t, person.id, { method: "ship", street: "Rue du Lac 5", postcode: "1004", city: "Lausanne" }));
  expect(await getNextAction(person.id)).toEqual({ step: "token", href: "/token" });
  // Once everything else is done, what is left says "delivery", not "collect it".
  await activateToken(person.id);
  await db().execute(sql`update onboarding_cases set connectivity = 'good' where employee_id = ${person.id}`);
  expect(await getNextAction(person.id)).toEqual({ step: "device_delivery", href: "/device" });
});

test("no internet and no 4G: IT has it and no test is offered; once IT closes the request, a new test is", async () => {
  const [person] = await createEligibleEmployees(1);
  await tx((t) => requestDevice(t, person.id, "vdi"));
  await activateToken(person.id);
  const { ticket } = await tx((t) => reportNoInternet(t, person.id, { coverage: "no" }));
  expect(await getNextAction(person.id)).toEqual({ step: "connectivity_with_it", href: null });
  await db().execute(sql`update tickets set status = 'resolved' where number = ${ticket!}`);
  expect(await getNextAction(person.id)).toEqual({ step: "connectivity", href: "/connectivity" });
});

test("a 4G router on its way leads to its request, not to a test that cannot work yet", async () => {
  const [person] = await createEligibleEmployees(1);
  await tx((t) => requestDevice(t, person.id, "vdi"));
  await activateToken(person.id);
  await tx((t) => reportNoInternet(t, person.id, { coverage: "yes", street: "Rue du Lac 5", postcode: "1004", city: "Lausanne" }));
  expect(await getNextAction(person.id)).toEqual({ step: "connectivity_router", href: "/connectivity" });
});
