import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { cancelDeviceAction, chooseHandoverAction, requestDeviceAction } from "@/lib/devices/actions";
import { submitEligibilityAction } from "@/lib/eligibility/actions";
import { enrollHardwareAction, requestTokenHelpAction, resetTokenAction, startTotpAction, verifyTotpAction } from "@/lib/tokens/actions";
import { seedJourney } from "../support/factories";
import { refused } from "../support/refusal";

test("without a session every journey action is refused before touching anything", async () => {
  await seedJourney();
  const count = async () =>
    ((await db().execute(sql`
      select (select count(*) from onboarding_cases) + (select count(*) from allocations) + (select count(*) from mfa_tokens)
           + (select count(*) from tickets) + (select count(*) from audit_log) + (select count(*) from outbox) as n`)) as unknown as { n: string }[])[0].n;
  const before = await count();
  const calls = [
    submitEligibilityAction({ workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" }),
    requestDeviceAction({ path: "laptop" }),
    chooseHandoverAction({ method: "ship", street: "Rue 1", postcode: "1000", city: "Lausanne" }),
    cancelDeviceAction(),
    startTotpAction({}),
    verifyTotpAction({ code: "123456" }),
    enrollHardwareAction({ serial: "TA-100001", code: "123456" }),
    resetTokenAction({ recoveryCode: "ABCDE-12345" }),
    requestTokenHelpAction(),
  ];
  for (const result of await Promise.all(calls)) expect(result).toEqual(refused("unauthenticated"));
  expect(await count()).toBe(before);
});
