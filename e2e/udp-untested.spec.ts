import { activateAuthenticator, expect, expectAccessible, expectNoSidewaysScroll, officeWorkers, passEligibility, signIn, switchLanguage, test } from "./fixtures";

// Issue 13 point 17, as a person on a phone sees it: a browser whose WebRTC gathers no ICE
// candidate at all could not test UDP. It is never told its provider blocks the VPN, is told
// what to do instead, and the finished test leads on to the next step (point 8's class).
// Own people: demo roster offsets 13–14. The STUN target is not touched (WebRTC is switched
// off in the page itself), so this spec shares no settings with others.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

test("WebRTC off, in French: 'could not test', the SSL profile that always works, and the guide as the next step", async ({ page, sql }) => {
  // As with WebRTC switched off by policy or an extension: no RTCPeerConnection at all.
  await page.addInitScript(() => {
    // @ts-expect-error -- removing what the browser provides, as a privacy setting does
    delete window.RTCPeerConnection;
    // @ts-expect-error -- the prefixed name too
    delete window.webkitRTCPeerConnection;
  });
  const [person] = await officeWorkers(sql, 1, 13);
  expect(person, "an office worker at offset 13 of the demo roster").toBeTruthy();
  await signIn(page, person);
  await passEligibility(page);
  // A company laptop, delivered: reserved and shipped here, handed over as IT records it (markHandedOver).
  await page.goto("/device");
  await page.getByLabel(/^Company laptop/).check();
  await page.getByRole("button", { name: "Request this device" }).click();
  await expect(page.getByText("A laptop is reserved for you")).toBeVisible();
  await page.getByLabel("Deliver it to my home").check();
  await page.getByLabel("Street and number").fill("Rue du Four 3");
  await page.getByLabel("Postcode").fill("1950");
  await page.getByLabel("Town").fill("Sion");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your choice")).toBeVisible();
  await sql`
    update allocations set status = 'issued', issued_at = now()
     where kind = 'laptop' and status = 'reserved' and handover_method = 'ship'
       and employee_id = (select id from employees where work_email = ${person})`;
  await page.goto("/token");
  await activateAuthenticator(page);

  await switchLanguage(page, "Français");
  await page.goto("/connectivity");
  await expect(page.getByRole("heading", { level: 1, name: "Test de connexion" })).toBeVisible();
  await page.getByLabel("Votre fournisseur d’accès internet (facultatif)").selectOption("wingo");
  await page.getByRole("button", { name: "Lancer le test" }).click();

  const result = page.getByRole("region", { name: /Votre dernier résultat/ });
  await expect(result.getByText("Le test n’a pas pu vérifier le VPN standard")).toBeVisible({ timeout: 60_000 });
  await expect(result.getByText(/WebRTC est désactivé ou indisponible/)).toBeVisible();
  await expect(result.getByText(/l’IT n’a rien à faire/)).toBeVisible();
  // What to do: the SSL profile, which always works, or another browser.
  await expect(result.getByText(/Continuez avec le profil VPN SSL \(port 443\).*relancez le test dans un autre navigateur/)).toBeVisible();
  await expect(result.getByText("non testé (navigateur)", { exact: true })).toBeVisible();
  // Never "blocked": not in the verdict, not in the figures.
  await expect(result.getByText(/bloqu/)).toHaveCount(0);

  // The finished step leads on: the guide is the primary action, above running the test again.
  const next = page.getByRole("region", { name: "Votre prochaine étape" });
  const guideLink = next.getByRole("link", { name: "Ouvrir mon guide de connexion" });
  await expect(guideLink).toBeVisible();
  await expect(guideLink).toHaveClass(/bg-blue-700/);
  const again = page.getByRole("button", { name: "Lancer le test" });
  await expect(again).not.toHaveClass(/bg-blue-700/);
  expect((await guideLink.boundingBox())!.y).toBeLessThan((await again.boundingBox())!.y);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // Stored as "could not test" (udp_ok null), not as blocked, for the guide and IT.
  const [row] = await sql`
    select t.udp_ok, t.verdict::text as verdict, t.isp from connectivity_tests t join employees e on e.id = t.employee_id
     where e.work_email = ${person} and t.status = 'completed' order by t.started_at desc limit 1`;
  expect(row).toEqual({ udp_ok: null, verdict: "udp_untested", isp: "wingo" });

  await guideLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Votre guide de connexion" })).toBeVisible();
  await expect(page.getByText("Ouvrez le client VPN et choisissez le profil « Transalpina SSL (443) » (vpn-ssl.transalpina.test).")).toBeVisible();
  await expect(page.getByText(/n’a pas pu vérifier l’UDP dans votre navigateur/)).toBeVisible();
  await expect(page.getByText(/UDP est bloqué/)).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("WebRTC throwing, in German: 'not tested', the step counts as done, and the device is the next step", async ({ page, sql }) => {
  // As some privacy extensions do: the constructor exists but refuses to work.
  await page.addInitScript(() => {
    window.RTCPeerConnection = class {
      constructor() {
        throw new DOMException("WebRTC is disabled", "NotSupportedError");
      }
    } as unknown as typeof RTCPeerConnection;
  });
  const [person] = await officeWorkers(sql, 1, 14);
  expect(person, "an office worker at offset 14 of the demo roster").toBeTruthy();
  await signIn(page, person);
  await passEligibility(page);

  await switchLanguage(page, "Deutsch");
  await page.goto("/connectivity");
  await page.getByRole("button", { name: "Test starten" }).click();
  const result = page.getByRole("region", { name: /Ihr letztes Ergebnis/ });
  await expect(result.getByText("Der Test konnte das Standard-VPN nicht prüfen")).toBeVisible({ timeout: 60_000 });
  await expect(result.getByText("nicht getestet (Browser)", { exact: true })).toBeVisible();
  await expect(result.getByText(/anderen Browser/)).toBeVisible();
  await expect(result.getByText(/blockier/)).toHaveCount(0);
  // No device yet: choosing one is what comes next, offered here as the primary action.
  await expect(page.getByRole("region", { name: "Ihr nächster Schritt" }).getByRole("link", { name: "Mein Gerät wählen" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.goto("/");
  await expect(page.getByText("VPN über UDP vom Browser nicht getestet (SSL-Profil)")).toBeVisible();
  await expectAccessible(page);
});
