import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// TOTP as authenticator apps and OATH hardware tokens do it: SHA-1, 6 digits, 30 s.

export const totpPeriod = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "Passerelle"): TOTP {
  return new TOTP({ issuer: "Passerelle", label, algorithm: "SHA1", digits: 6, period: totpPeriod, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

export function totpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/**
 * The 30-second step a code belongs to, accepting one step of clock drift
 * either way; null when the code is wrong. Callers refuse a step already used.
 */
export function matchingStep(secretBase32: string, code: string, at = Date.now()): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / totpPeriod) + delta;
}

const recoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => recoveryAlphabet[b % 32]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  const compact = code.trim().toUpperCase().replace(/[\s-]+/g, "");
  return `${compact.slice(0, 5)}-${compact.slice(5, 10)}`;
}
