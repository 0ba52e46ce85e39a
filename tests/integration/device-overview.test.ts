import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { chooseHandover, requestDevice } from "@/lib/devices/service";
import { getDeviceOverview } from "@/lib/devices/queries";
import { defaultRecommendationRules } from "@/lib/devices/rules";
import { defaultVdiSettings } from "@/lib/settings/schemas";
import { countingDb } from "../support/counting-db";
import { createEligibleEmployees, seedJourney, setPool } from "../support/factories";

// /device reads its data on every view. Measured at crisis scale (2026-12-03, a build whose page
// returned right after its data): the data cost the server 4 ms of its ~10 ms a view, read in five
// statements one after another, 60 collection slots among them that only a reserved laptop shows.
// Each statement is a round trip and a few dozen promises on the server's one thread.

const counted = countingDb();

beforeAll(async () => {
  await seedJourney();
  await counted.open();
});
afterAll(() => counted.end());

/** The overview read on a client that counts its statements. */
async function overviewCounted(employeeId: string) {
  counted.take();
  const overview = await getDeviceOverview(employeeId, counted.db);
  return { overview, statements: counted.take().length };
}

const setSetting = (key: string, value: unknown) =>
  db().execute(sql`insert into settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb) on conflict (key) do update set value = excluded.value`);

describe("the device page's data", () => {
  test("before any request: one statement, the recommendation from the job family, no slots", async () => {
    await setSetting("device_recommendations", { vdi: ["gardener"], laptop: [] });
    const [gardener] = await createEligibleEmployees(1, { jobFamily: "gardener" });
    const [other] = await createEligibleEmployees(1, { jobFamily: defaultRecommendationRules.vdi[0] });
    const { overview, statements: n } = await overviewCounted(gardener.id);
    expect(n).toBe(1);
    expect(overview).toMatchObject({ recommendation: "vdi", request: null, slots: [] });
    // Not in the setting's vdi list: a laptop, whatever the default rules say.
    expect((await overviewCounted(other.id)).overview.recommendation).toBe("laptop");
  });

  test("a broken setting falls back to the defaults", async () => {
    await setSetting("device_recommendations", { vdi: "everyone" });
    await setSetting("vdi", { webUrl: "not a url", clients: [] });
    const [person] = await createEligibleEmployees(1, { jobFamily: defaultRecommendationRules.vdi[0] });
    const { overview } = await overviewCounted(person.id);
    expect(overview.recommendation).toBe("vdi");
    expect(overview.vdi).toEqual(defaultVdiSettings);
  });

  test("a VDI seat issued: one statement, the VDI settings", async () => {
    const vdi = { webUrl: "https://vdi.example.test", clients: [{ os: "Windows", url: "https://vdi.example.test/win" }] };
    await setSetting("vdi", vdi);
    await setPool("vdi_seat", 100_000, null);
    const [person] = await createEligibleEmployees(1);
    await db().transaction((tx) => requestDevice(tx, person.id, "vdi"));
    const { overview, statements: n } = await overviewCounted(person.id);
    expect(overview.request).toMatchObject({ path: "vdi", status: "issued", handover: null });
    expect(overview.vdi).toEqual(vdi);
    expect(overview.slots).toEqual([]);
    expect(n).toBe(1);
  });

  test("a laptop reserved: the free slots too, the person's own site first (two statements)", async () => {
    await setPool("laptop", 100_000, null);
    const code = Date.now().toString(36);
    const [site, otherSite] = (await db().execute(sql`
      insert into sites (code, name, city, canton) values (${`A${code}`}, 'Overview A', 'Zürich', 'ZH'), (${`B${code}`}, 'Overview B', 'Bern', 'BE') returning id`)) as unknown as { id: string }[];
    await db().execute(sql`
      insert into collection_slots (site_id, starts_at, ends_at, capacity) values
        (${otherSite.id}, now() + interval '1 day', now() + interval '1 day 1 hour', 5),
        (${site.id}, now() + interval '3 days', now() + interval '3 days 1 hour', 5)`);
    const [person] = await createEligibleEmployees(1, { siteId: site.id });
    await db().transaction((tx) => requestDevice(tx, person.id, "laptop"));
    const { overview, statements: n } = await overviewCounted(person.id);
    expect(overview.request).toMatchObject({ path: "laptop", status: "reserved", handover: null });
    expect(n).toBe(2);
    expect(overview.slots[0]).toMatchObject({ siteId: site.id, site: "Overview A", free: 5 });
    expect(overview.slots[0].startsAt).toBeInstanceOf(Date);
    // The handover chosen: shown with its slot, and the slots stay offered to change it.
    await db().transaction((tx) => chooseHandover(tx, person.id, { method: "collect", slotId: overview.slots[0].id }));
    const after = (await overviewCounted(person.id)).overview;
    expect(after.request?.handover).toMatchObject({ method: "collect", slotId: overview.slots[0].id, site: "Overview A" });
    expect(after.request?.handover && "startsAt" in after.request.handover ? after.request.handover.startsAt : null).toBeInstanceOf(Date);
    expect(after.slots.length).toBeGreaterThan(0);
  });

  test("waiting: the place in the queue and its date, as the status page shows them", async () => {
    await db().execute(sql`update resource_pools set capacity = in_use where kind = 'laptop'`);
    const [person] = await createEligibleEmployees(1);
    await db().transaction((tx) => requestDevice(tx, person.id, "laptop"));
    const { overview } = await overviewCounted(person.id);
    expect(overview.request).toMatchObject({ path: "laptop", status: "waiting" });
    expect(overview.request?.position).toBeGreaterThan(0);
    const { getDeviceRequest } = await import("@/lib/devices/queries");
    expect(await getDeviceRequest(person.id)).toEqual(overview.request);
    expect(overview.slots).toEqual([]);
  });
});
