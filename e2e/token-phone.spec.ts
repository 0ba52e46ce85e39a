import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { TOTP, URI } from "otpauth";
import { codeFor, expect, expectAccessible, expectNoSidewaysScroll, officeWorkers, passEligibility, signIn, test } from "./fixtures";

// Issue 13 point 10, in French on a 360 px phone: the person sets up the token on the phone that
// runs the authenticator app, so scanning a QR code on that same screen is impossible. They open
// the app through an otpauth:// link, or copy the key; the key never breaks inside a group; the
// recovery codes are downloaded (or printed) instead of copied by hand.
// Own people: offsets 51–59 of the demo roster are used by no other spec.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, permissions: ["clipboard-read", "clipboard-write"] });

/** Each group of the key sits on one line (the key as a whole may wrap, but only between groups). */
async function lineCountsOfGroups(page: Page): Promise<number[]> {
  return page.getByTestId("manual-key").locator("span").evaluateAll((groups) =>
    groups.map((group) => {
      const range = document.createRange();
      range.selectNodeContents(group);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("on the phone: open the app by a link, copy the key, activate, then download and print the recovery codes, in French", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 51);
  expect(person, "an office worker at offset 51 of the demo roster").toBeTruthy();
  // No URL our server sees may carry the secret (the otpauth:// link never leaves the phone).
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  await signIn(page, person);
  await passEligibility(page);
  await page.goto("/token");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jeton de connexion" })).toBeVisible();
  await page.getByRole("button", { name: "Configurer une application d’authentification" }).click();

  // The key as shown: eight groups of four, monospace, each group on one line at 360 px.
  const keyBox = page.getByTestId("manual-key");
  await expect(keyBox.locator("span")).toHaveCount(8);
  const groups = await keyBox.locator("span").allInnerTexts();
  for (const group of groups) expect(group).toMatch(/^[A-Z2-7]{4}$/);
  const key = groups.join("");
  expect(await lineCountsOfGroups(page)).toEqual(groups.map(() => 1));
  // The key is wider than the phone: it does wrap, so the check above means something.
  const groupTops = await keyBox.locator("span").evaluateAll((spans) => spans.map((span) => Math.round(span.getBoundingClientRect().top)));
  expect(new Set(groupTops).size).toBeGreaterThan(1);
  expect(await keyBox.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  // Screen readers hear the key spelled out, not eight made-up words.
  await expect(page.getByText(`Clé : ${groups.map((g) => g.split("").join(" ")).join(", ")}`)).toBeAttached();

  // The link opens the authenticator app with the same key, Passerelle as issuer, the work address as account.
  const openInApp = page.getByRole("link", { name: "Ouvrir dans l’application d’authentification" });
  await expect(openInApp).toBeVisible();
  const href = (await openInApp.getAttribute("href"))!;
  expect(href).toMatch(/^otpauth:\/\/totp\//);
  const otp = URI.parse(href) as TOTP;
  expect(otp.issuer).toBe("Passerelle");
  expect(otp.label).toBe(person);
  expect(otp.secret.base32).toBe(key);
  expect([otp.digits, otp.period, otp.algorithm]).toEqual([6, 30, "SHA1"]);
  // It comes first: on the phone, tapping it is the way; the QR code is for a computer screen.
  const qr = page.getByRole("img", { name: "Code QR à scanner avec votre application d’authentification" });
  await expect(qr).toBeVisible();
  expect((await openInApp.boundingBox())!.y).toBeLessThan((await qr.boundingBox())!.y);
  await expect(page.getByText("Sur un ordinateur", { exact: false }).first()).toBeVisible();

  // Copy the key (by keyboard): the clipboard holds it without spaces, and the page says so.
  await page.getByRole("button", { name: "Copier la clé" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Clé copiée." })).toBeVisible();
  expect(await clipboard(page)).toBe(key);

  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // The app computes the code from the key: activate with it.
  await page.getByLabel("Code de l’application").fill(codeFor(key));
  await page.getByRole("button", { name: "Activer", exact: true }).click();

  // Ten recovery codes, shown once.
  const list = page.getByRole("list", { name: "Codes de récupération" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  // Download: a text file made in the browser, with a French heading and date, and the same ten codes.
  await page.getByRole("button", { name: "Télécharger" }).focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("passerelle-recovery-codes.txt");
  const file = await readFile((await download.path())!, "utf8");
  expect(file.split("\r\n")[0]).toBe("Passerelle — codes de récupération");
  expect(file).toMatch(/Créés le \d{1,2}(er)? \S+ \d{4}/);
  expect(file.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/gm)).toEqual(codes);

  // Copy all: the ten codes, one per line.
  await page.getByRole("button", { name: "Tout copier" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Codes copiés." })).toBeVisible();
  expect((await clipboard(page)).split(/\r?\n/)).toEqual(codes);

  // Print: the button opens the print dialog, and the printout holds the codes alone.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole("button", { name: "Imprimer" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(list).toBeVisible();
  await expect(page.getByText("Passerelle — codes de récupération")).toBeVisible();
  for (const hidden of [
    page.getByRole("heading", { level: 1 }),
    page.getByRole("heading", { name: "Jeton matériel" }),
    page.getByRole("heading", { name: "Besoin d’aide ?" }),
    page.getByRole("button", { name: "Télécharger" }),
    page.getByRole("button", { name: "Je les ai conservés" }),
    page.getByRole("banner"),
  ]) {
    await expect(hidden).toBeHidden();
  }
  await page.emulateMedia({ media: "screen" });

  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Je les ai conservés" }).click();
  await expect(page.getByText("Votre jeton est actif").first()).toBeVisible();

  expect(requested.filter((url) => url.toUpperCase().includes(key))).toEqual([]);
  expect(requested.filter((url) => url.startsWith("otpauth:"))).toEqual([]);
});
