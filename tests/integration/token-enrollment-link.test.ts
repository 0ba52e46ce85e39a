import { URI } from "otpauth";
import { beforeAll, describe, expect, test } from "vitest";
import { pendingTotpEnrollment } from "@/lib/tokens/enrollment";
import { pendingTotpSecret, startTotpEnrollment, verifyTotp } from "@/lib/tokens/service";
import { totpCode } from "@/lib/tokens/totp";
import { createEmployee, seedJourney } from "../support/factories";
import { inTransaction as tx } from "../support/in-transaction";

// Issue 13 point 10: what the enrollment page shows. The QR code and the "open in app" link carry
// one URI: Passerelle as issuer, the company account (work address, else the employee number) as
// the account — never the private address someone may have signed in with — and the pending secret.
beforeAll(seedJourney);

describe("the enrollment link", () => {
  test("carries the pending secret, Passerelle as issuer and the work address; the key groups match it", async () => {
    const person = await createEmployee({ privateEmail: `private.${Date.now().toString(36)}@home.test` });
    await tx((t) => startTotpEnrollment(t, person.id));
    const secret = (await pendingTotpSecret(person.id))!;
    const enrollment = (await pendingTotpEnrollment(person.id))!;
    const otp = URI.parse(enrollment.uri);
    expect(otp.issuer).toBe("Passerelle");
    expect(otp.label).toBe(person.workEmail);
    expect(otp.secret.base32).toBe(secret);
    expect(enrollment.keyGroups.join("")).toBe(secret);
    expect(enrollment.keyGroups.every((g) => g.length === 4)).toBe(true);
    expect(enrollment.uri).not.toContain("home.test");
  });

  test("without a work address, the employee number names the account", async () => {
    const person = await createEmployee({ workEmail: null });
    await tx((t) => startTotpEnrollment(t, person.id));
    expect(URI.parse((await pendingTotpEnrollment(person.id))!.uri).label).toBe(person.number);
  });

  test("nothing to show before enrollment starts or once the token is active", async () => {
    const person = await createEmployee();
    expect(await pendingTotpEnrollment(person.id)).toBeNull();
    await tx((t) => startTotpEnrollment(t, person.id));
    const secret = (await pendingTotpSecret(person.id))!;
    await tx((t) => verifyTotp(t, person.id, totpCode(secret)));
    expect(await pendingTotpEnrollment(person.id)).toBeNull();
  });
});
