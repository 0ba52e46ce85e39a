import { expect, expectAccessible, test } from "./fixtures";
import { signInAsGermanAdmin, swissGerman } from "./admin-german";

// Issue 15 points 10 and 11, as the admin reads them in German. A count moved more than
// tenfold shows the change and is saved only once "Ja, … ist richtig" is ticked; a broken
// setting names its place: line and column of a JSON error, "Regel 7" as the page counts.
// Named *.admin.spec.ts so it runs with the specs that change shared settings, one at a time
// (playwright.config.ts): it changes stock and signs in as the demo admin.

test("stock, slots and waves show the change and ask before a tenfold one", async ({ page, sql }) => {
  const admin = await signInAsGermanAdmin(page, sql);
  const [vpn] = await sql<{ capacity: number }[]>`select capacity from resource_pools where kind = 'vpn_licence'`;
  const [site] = await sql<{ id: string }[]>`select id from sites order by code limit 1`;
  const [slot] = await sql<{ id: string }[]>`
    insert into collection_slots (site_id, starts_at, ends_at, capacity)
    values (${site.id}, ((now() at time zone 'Europe/Zurich')::date + 9 + time '06:10') at time zone 'Europe/Zurich', ((now() at time zone 'Europe/Zurich')::date + 9 + time '06:40') at time zone 'Europe/Zurich', 12)
    returning id`;
  const unitCode = `E2E-${Date.now().toString(36)}`;
  const [unit] = await sql<{ id: string }[]>`insert into org_units (code, name) values (${unitCode}, ${`Leere Einheit ${unitCode}`}) returning id`;
  try {
    await page.goto("/admin/stock");
    await expect(page.getByRole("heading", { level: 1, name: "Bestand und Wellen" })).toBeVisible();

    // The typo of the issue: 400 becomes 400400. Shown before saving, refused until confirmed.
    const laptops = page.getByRole("region", { name: "Laptops" });
    await expect(laptops.getByLabel("Bestand: Laptops")).not.toHaveValue(""); // filled once the form has hydrated
    const capacity = Number(await laptops.getByLabel("Bestand: Laptops").inputValue());
    const typo = capacity * 1000 + 400;
    await laptops.getByLabel("Bestand: Laptops").fill(String(typo));
    await expect(laptops.getByText(`Laptops: ${swissGerman(capacity)} → ${swissGerman(typo)}`)).toBeVisible();
    await expect(laptops.getByLabel(`Ja, ${swissGerman(typo)} ist richtig`)).not.toBeChecked();
    await expectAccessible(page);
    await laptops.getByRole("button", { name: "Speichern: Laptops" }).click();
    await expect(laptops.getByText("Das ändert den Wert um mehr als das Zehnfache")).toBeVisible();
    expect((await sql`select capacity from resource_pools where kind = 'laptop'`)[0].capacity).toBe(capacity);
    // Down by more than ten times too; a small change is only shown.
    await laptops.getByLabel("Bestand: Laptops").fill(String(Math.floor(capacity / 20)));
    await expect(laptops.getByLabel(`Ja, ${swissGerman(Math.floor(capacity / 20))} ist richtig`)).toBeVisible();
    await laptops.getByLabel("Bestand: Laptops").fill(String(capacity + 1));
    await expect(laptops.getByText(`Laptops: ${swissGerman(capacity)} → ${swissGerman(capacity + 1)}`)).toBeVisible();
    await expect(laptops.getByRole("checkbox")).toHaveCount(0);
    await laptops.getByLabel("Bestand: Laptops").fill(String(capacity));

    // An arrival shows the stock it leads to; 10× the stock arriving asks first.
    const arriving = capacity * 10 + 1;
    await laptops.getByLabel("Eingetroffene Laptops").fill(String(arriving));
    await expect(laptops.getByText(`Laptops: ${swissGerman(capacity)} → ${swissGerman(capacity + arriving)}`)).toBeVisible();
    await laptops.getByRole("button", { name: "Laptops hinzufügen" }).click();
    await expect(laptops.getByText("Das ändert den Wert um mehr als das Zehnfache")).toBeVisible();
    expect((await sql`select capacity from resource_pools where kind = 'laptop'`)[0].capacity).toBe(capacity);

    // Confirmed, it is saved (on the VPN licences, which more of harms nobody).
    const licences = page.getByRole("region", { name: "VPN-Lizenzen" });
    const more = Math.max(vpn.capacity * 20, 400);
    await licences.getByLabel("Bestand: VPN-Lizenzen").fill(String(more));
    await licences.getByLabel(`Ja, ${swissGerman(more)} ist richtig`).check();
    await licences.getByRole("button", { name: "Speichern: VPN-Lizenzen" }).click();
    await expect(licences.getByRole("status")).toContainText("Gespeichert.");
    await expect.poll(async () => (await sql`select capacity from resource_pools where kind = 'vpn_licence'`)[0].capacity).toBe(more);

    // A collection slot's places.
    const places = page.getByLabel(/^Anzahl Personen: .*06:10$/);
    await places.fill("500");
    await expect(page.getByText("Personen: 12 → 500", { exact: true })).toBeVisible();
    const row = page.getByRole("row").filter({ has: places });
    await row.getByRole("button", { name: "Speichern" }).click();
    await expect(row.getByText("Das ändert den Wert um mehr als das Zehnfache")).toBeVisible();
    await row.getByLabel("Ja, 500 ist richtig").check();
    await row.getByRole("button", { name: "Speichern" }).click();
    await expect.poll(async () => (await sql`select capacity from collection_slots where id = ${slot.id}`)[0].capacity).toBe(500);

    // A wave of 5 a day where the form starts from 200: a pilot, or a typo? Asked first.
    await page.goto("/admin/waves");
    await expect(page.getByRole("heading", { level: 1, name: "Einladungswellen" })).toBeVisible();
    const name = `Pilotwelle ${unitCode}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Einheit", { exact: true }).selectOption({ label: `Leere Einheit ${unitCode}` });
    await page.getByLabel("Einladungen pro Tag").fill("5");
    await expect(page.getByText("Einladungen pro Tag: 200 → 5")).toBeVisible();
    await page.getByRole("button", { name: "Welle erstellen" }).click();
    await expect(page.getByText("Das ändert den Wert um mehr als das Zehnfache")).toBeVisible();
    expect(await sql`select id from invitation_waves where name = ${name}`).toHaveLength(0);
    await page.getByLabel("Ja, 5 ist richtig").check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Welle erstellen" }).click();
    await expect(page.getByText("Die Welle ist erstellt")).toBeVisible();
    await expect(page.getByText(new RegExp(`^${name} · `))).toBeVisible();
  } finally {
    // The language first: whatever else fails here, the English specs after this one read English.
    await admin.restore();
    await sql`update resource_pools set capacity = greatest(${vpn.capacity}::int, in_use) where kind = 'vpn_licence'`;
    await sql`delete from invitation_waves where org_unit_id = ${unit.id}`;
    await sql`delete from org_units where id = ${unit.id}`;
    await sql`delete from collection_slots where id = ${slot.id} and booked = 0`;
  }
});

test("a broken setting names its place in German: line and column, Regel 7, the field's label", async ({ page, sql }) => {
  const admin = await signInAsGermanAdmin(page, sql);
  try {
    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();

    // A missing comma in a JSON editor: line 3, column 3, and the cursor is put there.
    const vdi = page.getByRole("region", { name: "Virtueller Desktop (VDI)" });
    const editor = vdi.getByLabel("Virtueller Desktop (VDI)");
    await editor.fill('{\n  "webUrl": "https://vdi.test"\n  "clients": []\n}');
    await vdi.getByRole("button", { name: "Speichern: Virtueller Desktop (VDI)" }).click();
    await expect(vdi.getByText("Das ist kein gültiges JSON in Zeile 3, Spalte 3")).toBeVisible();
    await expect(editor).toBeFocused();
    expect(await editor.evaluate((box: HTMLTextAreaElement) => box.selectionStart)).toBe(35);

    // The rules editor counts from one, as its legends do, and says what is wrong in German.
    const rules = page.getByRole("region", { name: "Berechtigungsregeln" });
    const count = await rules.getByRole("group", { name: /^Regel \d+$/ }).count();
    const n = count + 1;
    await rules.getByRole("button", { name: "Regel hinzufügen" }).click();
    await rules.getByLabel(`Name der Regel ${n} (a–z, 0–9, _ oder -)`).fill("Falscher Name");
    await rules.getByRole("button", { name: "Als neue Version veröffentlichen" }).click();
    await expect(rules.getByText(`Regel ${n}, Name: enthält Zeichen, die nicht erlaubt sind`)).toBeVisible();
    await expect(rules.getByText(`Regel ${n}, Bedingung 1, Wert: darf nicht leer sein`)).toBeVisible();
    await expect(rules.getByText(/\b\d+\.id\b|Invalid|expected/)).toHaveCount(0);
    await rules.getByRole("button", { name: `Regel ${n} entfernen`, exact: true }).click();

    // A form's field by its label.
    const sla = page.getByRole("region", { name: "Reaktionszeiten (SLA)" });
    await sla.getByLabel("Dringend (Stunden)").fill("-1");
    await sla.getByRole("button", { name: "Speichern: Reaktionszeiten (SLA)" }).click();
    await expect(sla.getByText("Nicht gespeichert, weil die Einstellung ungültig ist: Dringend (Stunden): muss grösser als 0 sein")).toBeVisible();
    await expectAccessible(page);

    // A number of a setting moved more than tenfold is shown, and saved only once confirmed.
    const [stored] = await sql<{ value: unknown }[]>`select value from settings where key = 'sla_hours'`;
    await page.reload();
    const urgent = sla.getByLabel("Dringend (Stunden)");
    await expect(urgent).not.toHaveValue("-1");
    const hours = Number(await urgent.inputValue());
    await urgent.fill(String(hours * 20));
    await expect(sla.getByText(`Dringend (Stunden): ${swissGerman(hours)} → ${swissGerman(hours * 20)}`)).toBeVisible();
    await sla.getByRole("button", { name: "Speichern: Reaktionszeiten (SLA)" }).click();
    await expect(sla.getByText(`Nicht gespeichert: Dringend (Stunden): ${swissGerman(hours)} → ${swissGerman(hours * 20)}, mehr als das Zehnfache`)).toBeVisible();
    await sla.getByLabel(`Ja, ${swissGerman(hours * 20)} ist richtig`).check();
    await expectAccessible(page);
    await sla.getByRole("button", { name: "Speichern: Reaktionszeiten (SLA)" }).click();
    await expect(sla.getByRole("status")).toContainText("Gespeichert.");
    await expect.poll(async () => (await sql<{ urgent: number }[]>`select (value->>'urgent')::float as urgent from settings where key = 'sla_hours'`)[0]?.urgent).toBe(hours * 20);
    if (stored) await sql`update settings set value = ${sql.json(stored.value as never)} where key = 'sla_hours'`;
    else await sql`delete from settings where key = 'sla_hours'`;
  } finally {
    await admin.restore();
  }
});
