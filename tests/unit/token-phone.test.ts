import { URI, TOTP } from "otpauth";
import { describe, expect, test } from "vitest";
import { accountLabel, keyGroups, spokenKey } from "@/lib/tokens/manual-key";
import { recoveryCodesFileName, recoveryCodesText } from "@/lib/tokens/recovery-file";
import { contentSecurityPolicy } from "@/lib/security/security-headers";
import { totpUri } from "@/lib/tokens/totp";

// Issue 13 point 10: setting up the token on the phone that runs the authenticator app.
// The key is shown in groups of four (each group kept on one line), the "open in app"
// link carries the same secret, and the recovery codes can be saved as a file.
const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("the manual key, as people read and type it", () => {
  test("a 32-character secret is eight groups of four", () => {
    expect(keyGroups(secret)).toEqual(["JBSW", "Y3DP", "EHPK", "3PXP", "JBSW", "Y3DP", "EHPK", "3PXP"]);
  });

  test("spaces and lower case (a key pasted back) give the same groups; a short last group stays", () => {
    expect(keyGroups(" jbsw y3dp\tehp ")).toEqual(["JBSW", "Y3DP", "EHP"]);
    expect(keyGroups("")).toEqual([]);
  });

  test("a screen reader spells the key character by character, group by group", () => {
    expect(spokenKey(["JBSW", "Y3DP"])).toBe("J B S W, Y 3 D P");
  });
});

describe("the account the authenticator app shows", () => {
  test("is the work address when the roster has one, else the employee number", () => {
    expect(accountLabel({ workEmail: "anna.muster@transalpina.test", number: "100042" })).toBe("anna.muster@transalpina.test");
    expect(accountLabel({ workEmail: null, number: "100042" })).toBe("100042");
    expect(accountLabel({ workEmail: "  ", number: "100042" })).toBe("100042");
  });
});

describe("the otpauth:// link", () => {
  test("names Passerelle as issuer, the account as label, and carries the key shown on screen", () => {
    const uri = totpUri(secret, "anna.muster@transalpina.test");
    expect(uri.startsWith("otpauth://totp/Passerelle:anna.muster%40transalpina.test?")).toBe(true);
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe("Passerelle");
    expect(parsed.label).toBe("anna.muster@transalpina.test");
    expect(parsed.secret.base32).toBe(keyGroups(secret).join(""));
    expect((parsed as TOTP).period).toBe(30);
    expect(parsed.digits).toBe(6);
    expect(parsed.algorithm).toBe("SHA1");
  });
});

describe("the page's Content-Security-Policy", () => {
  // Following an otpauth:// link is a navigation, which no CSP directive governs since
  // navigate-to was dropped; the QR code is a data: image and the file a blob: URL.
  test("lets the QR code show and restricts no navigation", () => {
    const policy = contentSecurityPolicy({ nonce: "n", publicUrl: "https://passerelle.example.ch" });
    const directives = new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives.get("img-src")).toEqual(expect.arrayContaining(["data:", "blob:"]));
    expect(directives.has("navigate-to")).toBe(false);
  });
});

describe("the recovery codes file", () => {
  const codes = Array.from({ length: 10 }, (_, i) => `ABCD${i}-EFGH${i}`);

  test("has a fixed, recognisable name", () => {
    expect(recoveryCodesFileName).toBe("passerelle-recovery-codes.txt");
  });

  test("starts with the heading and the date, then one code per line, and ends with a newline", () => {
    const text = recoveryCodesText({ heading: "Passerelle — codes de récupération", dateLine: "Créés le 3 mars 2026", codes });
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Passerelle — codes de récupération");
    expect(lines[1]).toBe("Créés le 3 mars 2026");
    expect(lines[2]).toBe("");
    expect(lines.slice(3, 13)).toEqual(codes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/gm)).toEqual(codes);
  });

  test("a note, when given, follows the codes after a blank line", () => {
    const lines = recoveryCodesText({ heading: "H", dateLine: "D", codes, note: "Keep them safe." }).split("\r\n");
    expect(lines.slice(13)).toEqual(["", "Keep them safe.", ""]);
  });
});
