import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { collectionSlots, eligibilityRuleSets, hardwareTokens, publicHolidays, resourcePools, settings, sites } from "../schema";
import { defaultEligibilityRules } from "../../lib/eligibility/rules";
import { defaultRecommendationRules } from "../../lib/devices/rules";
import { defaultConnectivitySettings } from "../../lib/connectivity/schema";
import { defaultRhtSettings } from "../../lib/settings/schemas";
import { seal } from "../../lib/tokens/secret-box";
import { Secret } from "otpauth";

/** Stock, waves, rules and settings the demo company starts with. */
export async function seedJourneyDefaults(tx: DbOrTx, encryptionKey: Buffer, options: { hardwareTokens?: number } = {}) {
  await tx.insert(eligibilityRuleSets).values({ version: 1, rules: defaultEligibilityRules, active: true });
  await tx.insert(resourcePools).values([
    { kind: "laptop", capacity: 400, dailyActivationLimit: 150 },
    { kind: "vpn_licence", capacity: 450 },
    { kind: "vdi_seat", capacity: 300, dailyActivationLimit: 200 },
    { kind: "hardware_token", capacity: options.hardwareTokens ?? 200 },
    { kind: "router_4g", capacity: 50, dailyActivationLimit: 20 },
  ]);
  await seedDefaultSettings(tx);
  await tx.insert(settings).values([
    {
      key: "vdi",
      value: {
        webUrl: "https://vdi.transalpina.test",
        clients: [
          { os: "Windows", url: "https://vdi.transalpina.test/client/windows" },
          { os: "macOS", url: "https://vdi.transalpina.test/client/macos" },
          { os: "Linux", url: "https://vdi.transalpina.test/client/linux" },
        ],
      },
    },
    { key: "device_recommendations", value: defaultRecommendationRules },
  ]);
  const tokens = Array.from({ length: options.hardwareTokens ?? 200 }, (_, i) => ({
    serial: `TA-${String(100001 + i)}`,
    secretEnc: seal(new Secret({ buffer: randomBytes(20).buffer }).base32, encryptionKey),
  }));
  for (let start = 0; start < tokens.length; start += 500) await tx.insert(hardwareTokens).values(tokens.slice(start, start + 500));
}

/**
 * Collection slots for the next 15 working days at every site (09:00, 11:00,
 * 14:00 and 16:00 Zurich time, 12 people each). Idempotent: run at every start
 * in demo mode so a demo started weeks later still has slots.
 */
export async function topUpCollectionSlots(tx: DbOrTx) {
  await tx.execute(sql`
    insert into ${collectionSlots} (site_id, starts_at, ends_at, capacity)
    select s.id,
           (d::date + t)::timestamp at time zone 'Europe/Zurich',
           (d::date + t + interval '1 hour')::timestamp at time zone 'Europe/Zurich',
           12
      from ${sites} s
     cross join generate_series((now() at time zone 'Europe/Zurich')::date + 1, (now() at time zone 'Europe/Zurich')::date + 21, interval '1 day') d
     cross join (values (time '09:00'), (time '11:00'), (time '14:00'), (time '16:00')) as slot(t)
     where extract(isodow from d) < 6
    on conflict (site_id, starts_at) do nothing`);
}

/** Settings added by later versions, for databases seeded before them. Idempotent. */
export async function seedDefaultSettings(tx: DbOrTx) {
  await tx
    .insert(settings)
    .values([
      { key: "connectivity", value: defaultConnectivitySettings },
      { key: "rht", value: defaultRhtSettings },
      // Whom people whose position cannot telework ask about the decision (admins change it in settings).
      { key: "hr_contact", value: { name: "HR service desk – Sabine Demo", email: "rh@transalpina.test", phone: "+41 21 555 01 00", url: "https://intranet.transalpina.test/hr" } },
    ])
    .onConflictDoNothing();
  await tx.insert(publicHolidays).values(holidays2026).onConflictDoNothing();
}

// 2026 public holidays for the demo's cantons (admins edit them in settings).
const holidays2026 = [
  ["CH", "2026-01-01", "New Year"],
  ["CH", "2026-04-03", "Good Friday"],
  ["CH", "2026-04-06", "Easter Monday"],
  ["CH", "2026-05-14", "Ascension"],
  ["CH", "2026-05-25", "Whit Monday"],
  ["CH", "2026-08-01", "National Day"],
  ["CH", "2026-12-25", "Christmas"],
  ["VD", "2026-01-02", "Berchtold's Day"],
  ["VD", "2026-09-21", "Federal Fast Monday"],
  ["ZH", "2026-01-02", "Berchtold's Day"],
  ["ZH", "2026-05-01", "Labour Day"],
  ["ZH", "2026-12-26", "St Stephen's Day"],
  ["FR", "2026-06-04", "Corpus Christi"],
  ["FR", "2026-08-15", "Assumption"],
  ["FR", "2026-12-08", "Immaculate Conception"],
  ["FR", "2026-12-26", "St Stephen's Day"],
].map(([canton, day, name]) => ({ canton, day, name }));
