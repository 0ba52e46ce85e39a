import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { inTransaction } from "../support/in-transaction";
import { refusal } from "../support/refusal";
import { open, parseKey } from "@/lib/tokens/secret-box";
import { enrollHardwareToken, getTokenView, pendingTotpSecret, requestTokenHelp, resetWithRecoveryCode, startTotpEnrollment, verifyTotp } from "@/lib/tokens/service";
import { totpCode } from "@/lib/tokens/totp";
import { createEmployee, seedJourney } from "../support/factories";

const tx = inTransaction;


beforeAll(seedJourney);

describe("authenticator app (TOTP)", () => {
  test("the right code activates once; the same code is refused afterwards; recovery codes are stored hashed", async () => {
    const person = await createEmployee();
    await tx((t) => startTotpEnrollment(t, person.id));
    const secret = (await pendingTotpSecret(person.id))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const [stored] = (await db().execute(sql`select secret_enc from mfa_tokens where employee_id = ${person.id}`)) as unknown as { secret_enc: string }[];
    expect(stored.secret_enc).not.toContain(secret);
    expect(open(stored.secret_enc, parseKey(process.env.TOKEN_ENCRYPTION_KEY!))).toBe(secret);

    // Starting again resumes the same secret (the QR code on screen stays valid).
    await tx((t) => startTotpEnrollment(t, person.id));
    expect(await pendingTotpSecret(person.id)).toBe(secret);

    const code = totpCode(secret);
    const { recoveryCodes } = await tx((t) => verifyTotp(t, person.id, code));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await getTokenView(person.id)).state).toBe("active");
    const hashes = (await db().execute(sql`select code_hash from recovery_codes where employee_id = ${person.id}`)) as unknown as { code_hash: string }[];
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => recoveryCodes.includes(h.code_hash))).toBe(false);

    expect(await refusal(tx((t) => verifyTotp(t, person.id, code)))).toBe("noPendingToken");
    expect(await refusal(tx((t) => startTotpEnrollment(t, person.id)))).toBe("tokenActive");
  });

  test("a code accepted within one step of drift, a reused step refused", async () => {
    const person = await createEmployee();
    await tx((t) => startTotpEnrollment(t, person.id));
    const secret = (await pendingTotpSecret(person.id))!;
    // The previous step's code (phone clock 30 s behind) still works.
    const { recoveryCodes } = await tx((t) => verifyTotp(t, person.id, totpCode(secret, Date.now() - 30_000)));
    expect(recoveryCodes).toHaveLength(10);
  });

  test("ten wrong codes lock enrollment for 15 minutes, even the right code", async () => {
    const person = await createEmployee();
    await tx((t) => startTotpEnrollment(t, person.id));
    const secret = (await pendingTotpSecret(person.id))!;
    const wrong = String((Number(totpCode(secret)) + 500000) % 1000000).padStart(6, "0");
    const answers: string[] = [];
    for (let i = 0; i < 10; i += 1) answers.push(await refusal(tx((t) => verifyTotp(t, person.id, wrong))));
    expect(answers.slice(0, 9)).toEqual(Array(9).fill("codeWrongTries"));
    expect(answers[9]).toBe("tokenLocked");
    expect(await refusal(tx((t) => verifyTotp(t, person.id, totpCode(secret))))).toBe("tokenLocked");
    const view = await getTokenView(person.id);
    expect(view.state).toBe("locked");
    expect(view.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // After the lock the right code works again.
    await db().execute(sql`update mfa_tokens set locked_until = now() - interval '1 second' where employee_id = ${person.id}`);
    expect((await tx((t) => verifyTotp(t, person.id, totpCode(secret)))).recoveryCodes).toHaveLength(10);
  });
});

describe("hardware tokens and recovery", () => {
  async function serialAndSecret(serial: string) {
    const [row] = (await db().execute(sql`select secret_enc from hardware_tokens where serial = ${serial}`)) as unknown as { secret_enc: string }[];
    return open(row.secret_enc, parseKey(process.env.TOKEN_ENCRYPTION_KEY!));
  }

  test("a serial belongs to one person; unknown and foreign serials get the same answer", async () => {
    const [alice, bob] = [await createEmployee(), await createEmployee()];
    const secret = await serialAndSecret("TA-100001");
    expect(await refusal(tx((t) => enrollHardwareToken(t, alice.id, "TA-999999", totpCode(secret))))).toBe("serialUnknown");
    expect(await refusal(tx((t) => enrollHardwareToken(t, alice.id, "TA-100001", "000000")))).toMatch(/^code(Wrong|Reused)$/);
    await tx((t) => enrollHardwareToken(t, alice.id, "TA-100001", totpCode(secret)));
    expect((await getTokenView(alice.id)).type).toBe("hardware");
    expect(await refusal(tx((t) => enrollHardwareToken(t, bob.id, "TA-100001", totpCode(secret, Date.now() + 30_000))))).toBe("serialUnknown");
  });

  test("a recovery code resets the token once; the freed serial can then be used again", async () => {
    const person = await createEmployee();
    const secret = await serialAndSecret("TA-100002");
    const { recoveryCodes } = await tx((t) => enrollHardwareToken(t, person.id, "TA-100002", totpCode(secret)));
    expect(await refusal(tx((t) => resetWithRecoveryCode(t, person.id, "AAAAA-BBBBB")))).toBe("recoveryCodeWrong");
    await tx((t) => resetWithRecoveryCode(t, person.id, recoveryCodes[3].toLowerCase()));
    expect((await getTokenView(person.id)).state).toBe("none");
    expect(await refusal(tx((t) => resetWithRecoveryCode(t, person.id, recoveryCodes[3])))).toBe("recoveryCodeWrong");
    // The code of the step already used is refused on the re-enrolled token.
    expect(await refusal(tx((t) => enrollHardwareToken(t, person.id, "TA-100002", totpCode(secret))))).toBe("codeReused");
    await tx((t) => enrollHardwareToken(t, person.id, "TA-100002", totpCode(secret, Date.now() + 30_000)));
    expect((await getTokenView(person.id)).state).toBe("active");
  });

  test("asking for help twice opens one token_problem ticket with the case attached", async () => {
    const person = await createEmployee();
    const first = await tx((t) => requestTokenHelp(t, person.id));
    const second = await tx((t) => requestTokenHelp(t, person.id));
    expect(second.number).toBe(first.number);
    const tickets = (await db().execute(sql`select category, snapshot from tickets where employee_id = ${person.id}`)) as unknown as { category: string; snapshot: { roster: { number: string }; steps: object } }[];
    expect(tickets).toHaveLength(1);
    expect(tickets[0].category).toBe("token_problem");
    expect(tickets[0].snapshot.roster.number).toBe(person.number);
    expect(JSON.stringify(tickets[0].snapshot)).not.toMatch(/756\.|avs/i);
    const events = (await db().execute(sql`select kind from ticket_events e join tickets t on t.id = e.ticket_id where t.employee_id = ${person.id} order by e.id`)) as unknown as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(["opened", "case_updated"]);
  });
});
