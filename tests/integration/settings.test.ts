import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { sendCrisisSummaryIfDue } from "@/lib/admin/crisis-summary";
import { getActiveRules } from "@/lib/eligibility/service";
import { activeEligibilityRules, addHoliday, editableValues, publishEligibilityRules, removeHoliday, saveSetting } from "@/lib/settings/service";
import { createEmployee, seedJourney } from "../support/factories";
import { refusal } from "../support/refusal";

beforeAll(seedJourney);

const stored = async (key: string) => ((await db().execute(sql`select value from settings where key = ${key}`)) as unknown as { value: unknown }[])[0]?.value;

describe("settings", () => {
  test("a valid setting is saved; invalid JSON or values are refused with the place named, and nothing changes", async () => {
    const before = await stored("sla_hours");
    await expect(db().transaction((tx) => saveSetting(tx, "sla_hours", "{ urgent: 1 "))).rejects.toMatchObject({ key: "settingNotJsonAt", values: { line: "1", column: "3" } });
    const invalid = db().transaction((tx) => saveSetting(tx, "sla_hours", JSON.stringify({ urgent: -1, high: 4, normal: 24, low: 72 }), undefined, "en"));
    await expect(invalid).rejects.toMatchObject({ key: "settingInvalid", values: { details: "Urgent (hours): must be more than 0" } });
    expect(await stored("sla_hours")).toEqual(before);
    const saved = await db().transaction((tx) => saveSetting(tx, "sla_hours", JSON.stringify({ urgent: 2, high: 4, normal: 24, low: 72 })));
    expect(saved.after).toEqual({ urgent: 2, high: 4, normal: 24, low: 72 });
    expect(await stored("sla_hours")).toEqual({ urgent: 2, high: 4, normal: 24, low: 72 });
  });

  test("eligibility rules are published as a new version; invalid or duplicated rules are refused", async () => {
    const admin = await createEmployee();
    const current = await getActiveRules(db());
    const rule = { id: "shop_floor", when: [{ fact: "employee.jobFamily", op: "in", value: ["warehouse"] }], outcome: "not_eligible", reason: { fr: "Sur site", de: "Vor Ort", en: "On site" } };
    expect(await refusal(db().transaction((tx) => publishEligibilityRules(tx, admin.id, JSON.stringify([{ ...rule, outcome: "maybe" }]))))).toBe("settingInvalid");
    expect(await refusal(db().transaction((tx) => publishEligibilityRules(tx, admin.id, JSON.stringify([rule, rule]))))).toBe("settingInvalid");
    expect(await refusal(db().transaction((tx) => publishEligibilityRules(tx, admin.id, JSON.stringify([{ ...rule, when: [{ fact: "jobFamily", op: "in", value: ["x"] }] }]))))).toBe("settingInvalid");
    expect((await getActiveRules(db())).version).toBe(current.version);
    const { version } = await db().transaction((tx) => publishEligibilityRules(tx, admin.id, JSON.stringify([rule])));
    expect(version).toBe(current.version + 1);
    expect(await getActiveRules(db())).toMatchObject({ version, rules: [rule] });
    expect(((await db().execute(sql`select count(*)::int as n from eligibility_rule_sets where active`))[0] as { n: number }).n).toBe(1);
  });

  test("public holidays are added once and removed", async () => {
    await db().transaction((tx) => addHoliday(tx, { canton: "GE", day: "2026-12-31", name: "Restauration" }));
    expect(await refusal(db().transaction((tx) => addHoliday(tx, { canton: "GE", day: "2026-12-31", name: "Again" })))).toBe("holidayExists");
    await db().transaction((tx) => removeHoliday(tx, { canton: "GE", day: "2026-12-31" }));
    expect(await refusal(db().transaction((tx) => removeHoliday(tx, { canton: "GE", day: "2026-12-31" })))).toBe("holidayNotFound");
  });
});

describe("two admins editing the same setting never overwrite each other", () => {
  const versionOf = async (key: string) => (await editableValues()).find((v) => v.key === key)!.version;
  const sla = (urgent: number) => JSON.stringify({ urgent, high: 4, normal: 24, low: 72 });

  test("a setting saved from an old page is refused with the newer value kept; saved from the fresh page it goes in", async () => {
    await db().transaction((tx) => saveSetting(tx, "sla_hours", sla(2)));
    const seen = await versionOf("sla_hours");
    await db().transaction((tx) => saveSetting(tx, "sla_hours", sla(3), seen));
    expect(await refusal(db().transaction((tx) => saveSetting(tx, "sla_hours", sla(5), seen)))).toBe("changedMeanwhile");
    expect(await stored("sla_hours")).toMatchObject({ urgent: 3 });
    const fresh = await versionOf("sla_hours");
    await db().transaction((tx) => saveSetting(tx, "sla_hours", sla(5), fresh));
    expect(await stored("sla_hours")).toMatchObject({ urgent: 5 });
  });

  test("saved at the same moment from the same page: one goes in, the other is told (also for a setting never saved)", async () => {
    for (const [key, value] of [
      ["sla_hours", (n: number) => sla(n)],
      ["canned_responses", (n: number) => JSON.stringify([{ id: `r${n}`, title: `Reply ${n}`, body: "Hello" }])],
    ] as const) {
      const seen = await versionOf(key);
      const results = await Promise.all([7, 8].map((n) => refusal(db().transaction((tx) => saveSetting(tx, key, value(n), seen)))));
      expect(results.sort()).toEqual(["accepted", "changedMeanwhile"]);
    }
  });

  test("eligibility rules published from an old version are refused; at the same moment, one version wins", async () => {
    const admin = await createEmployee();
    const rule = (id: string) => JSON.stringify([{ id, when: [{ fact: "employee.jobFamily", op: "in", value: ["warehouse"] }], outcome: "not_eligible", reason: { fr: "Sur site", de: "Vor Ort", en: "On site" } }]);
    const seen = (await activeEligibilityRules())!.version;
    const results = await Promise.all(["a", "b"].map((id) => refusal(db().transaction((tx) => publishEligibilityRules(tx, admin.id, rule(id), seen)))));
    expect(results.sort()).toEqual(["accepted", "changedMeanwhile"]);
    expect(await refusal(db().transaction((tx) => publishEligibilityRules(tx, admin.id, rule("c"), seen)))).toBe("changedMeanwhile");
    expect((await activeEligibilityRules())!.version).toBe(seen + 1);
  });
});

describe("the crisis cell's daily summary", () => {
  test("goes out once a day at the configured hour, to each recipient, whatever the number of instances", async () => {
    await db().execute(sql`delete from app_meta where key = 'crisis_summary_sent'`);
    await db().transaction((tx) => saveSetting(tx, "crisis_summary", JSON.stringify({ recipients: ["cell@crisis.test", "lead@crisis.test"], hour: 7, language: "en" })));
    const early = new Date("2026-11-25T05:30:00Z"); // 06:30 in Zurich
    const due = new Date("2026-11-25T06:05:00Z"); // 07:05
    expect(await db().transaction((tx) => sendCrisisSummaryIfDue(tx, early))).toEqual({ sent: 0 });
    const runs = await Promise.all(Array.from({ length: 5 }, () => db().transaction((tx) => sendCrisisSummaryIfDue(tx, due))));
    expect(runs.reduce((a, r) => a + r.sent, 0)).toBe(2);
    const mails = (await db().execute(sql`select to_address, subject, text_body from outbox where to_address like '%@crisis.test' order by to_address`)) as unknown as { to_address: string; subject: string; text_body: string }[];
    expect(mails.map((m) => m.to_address)).toEqual(["cell@crisis.test", "lead@crisis.test"]);
    expect(mails[0].subject).toBe("Passerelle daily summary, 2026-11-25");
    expect(mails[0].text_body).toContain("On the roster:");
    expect(mails[0].text_body).toContain("Laptops:");
    // The dashboard's forecast, in the same words (issue 17 point 3).
    expect(mails[0].text_body).toMatch(/Everyone who asked is equipped by|Not everyone who asked can be equipped/);
    expect(mails[0].text_body).toMatch(/VDI seats: .*(all equipped by|beyond every planned delivery)/);
    expect(await db().transaction((tx) => sendCrisisSummaryIfDue(tx, new Date("2026-11-25T20:00:00Z")))).toEqual({ sent: 0 });
    expect(await db().transaction((tx) => sendCrisisSummaryIfDue(tx, new Date("2026-11-26T06:30:00Z")))).toEqual({ sent: 2 });
  });
});

describe("the on-site roster", () => {
  test("volunteers for offered days only; the roster lists them with people who must stay on site", async () => {
    const { setVolunteerDays, onsiteRoster, volunteeredDays } = await import("@/lib/roster/onsite");
    const { offeredDays } = await import("@/lib/roster/onsite-rules");
    const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('ONS', 'On-site test', 'Sion', 'VS') returning id`)) as unknown as { id: string }[];
    const volunteer = await createEmployee({ siteId: site.id, lastName: "Volunteer" });
    const stays = await createEmployee({ siteId: site.id, lastName: "Stays", privateEmail: `stays.${Date.now()}@home.test` });
    await db().execute(sql`insert into onboarding_cases (employee_id, eligibility) values (${stays.id}, 'not_eligible')`);
    const now = new Date("2026-11-25T10:00:00Z"); // a Wednesday
    const offered = offeredDays(new Date("2026-11-25T00:00:00Z"));
    expect(offered.slice(0, 3)).toEqual(["2026-11-26", "2026-11-27", "2026-11-30"]);
    expect(await refusal(db().transaction((tx) => setVolunteerDays(tx, volunteer.id, ["2026-11-28"], now)))).toBe("dayNotOffered");
    await db().transaction((tx) => setVolunteerDays(tx, volunteer.id, ["2026-11-26", "2026-11-30"], now));
    await db().transaction((tx) => setVolunteerDays(tx, volunteer.id, ["2026-11-30"], now)); // changed their mind about Thursday
    const rows = (await db().execute(sql`select day::text from onsite_volunteers where employee_id = ${volunteer.id} order by day`)) as unknown as { day: string }[];
    expect(rows.map((r) => r.day)).toEqual(["2026-11-30"]);
    expect(Array.isArray(await volunteeredDays(volunteer.id))).toBe(true);
    const monday = (await onsiteRoster("2026-11-30")).find((s) => s.site === "On-site test")!;
    expect(monday.people.map((p) => [p.name, p.reason])).toEqual([
      [`Stays ${stays.firstName}`, "not_eligible"],
      [`Volunteer ${volunteer.firstName}`, "volunteer"],
    ]);
    expect(monday.people[0].privateEmail).toBe(stays.privateEmail);
    const thursday = (await onsiteRoster("2026-11-26")).find((s) => s.site === "On-site test")!;
    expect(thursday.people.map((p) => p.reason)).toEqual(["not_eligible"]);
  });
});
