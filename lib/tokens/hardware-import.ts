import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { env } from "@/lib/config/env";
import { decodeFile, readCsv } from "@/lib/csv/read";
import { parseKey, seal } from "./secret-box";

export type TokenImportIssue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };
export type TokenImportReport = { rows: number; added: number; applied: boolean; issues: TokenImportIssue[]; issueCount: number };

/**
 * Hardware tokens delivered by the vendor: a CSV of serial and seed (base32). Every line is
 * checked (format, duplicates in the file, serials already known); with any problem nothing
 * is written. Seeds are stored encrypted, never logged or shown again.
 */
export async function importHardwareTokens(tx: DbOrTx, bytes: Uint8Array): Promise<TokenImportReport> {
  const read = readCsv(decodeFile(bytes));
  if ("malformedAt" in read) return { rows: 0, added: 0, applied: false, issues: [{ line: read.malformedAt, column: null, key: "importMalformed", values: { line: read.malformedAt } }], issueCount: 1 };
  const [head, ...records] = read.records;
  if (!head) return { rows: 0, added: 0, applied: false, issues: [{ line: 1, column: null, key: "importEmpty" }], issueCount: 1 };
  const header = head.record.map((h) => h.toLowerCase());
  const issues: TokenImportIssue[] = [];
  for (const name of ["serial", "secret"]) if (!header.includes(name)) issues.push({ line: 1, column: name, key: "importMissingColumn" });
  if (issues.length) return { rows: records.length, added: 0, applied: false, issues, issueCount: issues.length };
  const seen = new Map<string, number>();
  const tokens: { serial: string; secret: string }[] = [];
  for (const { record, line } of records) {
    const serial = (record[header.indexOf("serial")] ?? "").trim().toUpperCase();
    const secret = (record[header.indexOf("secret")] ?? "").replace(/[\s=]/g, "").toUpperCase();
    if (!/^[A-Z0-9-]{3,40}$/.test(serial)) issues.push({ line, column: "serial", key: "tokenSerialInvalid" });
    else if (seen.has(serial)) issues.push({ line, column: "serial", key: "rosterDuplicateNumber", values: { first: seen.get(serial)! } });
    else seen.set(serial, line);
    if (!/^[A-Z2-7]{16,128}$/.test(secret)) issues.push({ line, column: "secret", key: "tokenSecretInvalid" });
    tokens.push({ serial, secret });
  }
  if (tokens.length) {
    const known = (await tx.execute(sql`select serial from hardware_tokens where serial in (select jsonb_array_elements_text(${JSON.stringify([...seen.keys()])}::jsonb))`)) as unknown as { serial: string }[];
    for (const k of known) issues.push({ line: seen.get(k.serial)!, column: "serial", key: "tokenSerialKnown" });
  }
  issues.sort((a, b) => a.line - b.line);
  if (issues.length) return { rows: records.length, added: 0, applied: false, issues: issues.slice(0, 200), issueCount: issues.length };
  const key = parseKey(env().TOKEN_ENCRYPTION_KEY);
  for (let i = 0; i < tokens.length; i += 500) {
    const batch = JSON.stringify(tokens.slice(i, i + 500).map((t) => ({ serial: t.serial, secret_enc: seal(t.secret, key) })));
    await tx.execute(sql`insert into hardware_tokens (serial, secret_enc) select serial, secret_enc from jsonb_to_recordset(${batch}::jsonb) as x(serial text, secret_enc text)`);
  }
  return { rows: records.length, added: tokens.length, applied: true, issues: [], issueCount: 0 };
}
