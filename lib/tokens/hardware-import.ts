import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { env } from "@/lib/config/env";
import { looksLikeFormula } from "@/lib/csv/formula";
import { readHeader, type Header } from "@/lib/csv/header";
import { IssueList, type Issue } from "@/lib/csv/issues";
import { maxImportBytes } from "@/lib/csv/limits";
import { csvBatches, MalformedCsv, yielder } from "@/lib/csv/stream";
import { parseKey, seal } from "./secret-box";

export type TokenImportIssue = Issue;
/** `added`: the tokens added, or those the file would add when only checked. */
export type TokenImportReport = { rows: number; added: number; applied: boolean; issues: TokenImportIssue[]; issueCount: number };
export type ParsedTokens = { rows: number; tokens: { serial: string; secret: string }[]; seen: Map<string, number>; issues: IssueList };

/** A vendor's delivery is a few thousand tokens; more is the wrong file. */
export const maxTokenRows = 100_000;

/** Every line checked on its own (format, duplicates in the file), read in slices so the event loop keeps answering. */
export async function parseTokenFile(bytes: Uint8Array): Promise<ParsedTokens> {
  const issues = new IssueList();
  const seen = new Map<string, number>();
  const tokens: { serial: string; secret: string }[] = [];
  const refuse = (issue: Issue, rows = 0): ParsedTokens => {
    const only = new IssueList();
    only.add(issue);
    return { rows, tokens: [], seen: new Map(), issues: only };
  };
  if (bytes.byteLength > maxImportBytes) return refuse({ line: 1, column: null, key: "importTooLarge" });
  let header: Header | null = null;
  let rows = 0;
  try {
    for await (const batch of csvBatches(bytes)) {
      for (const { record, line } of batch) {
        if (!header) {
          // A vendor's file may carry more columns (model, batch): only these two are read.
          header = readHeader(record, { known: null, required: ["serial", "secret"] }, issues);
          if (issues.count > 0) return { rows: 0, tokens: [], seen, issues };
          continue;
        }
        rows += 1;
        if (rows > maxTokenRows) return refuse({ line: 1, column: null, key: "importTooManyRows", values: { max: maxTokenRows } }, rows);
        if (issues.full(line)) return { rows, tokens: [], seen: new Map(), issues };
        const serial = header.at(record, "serial").toUpperCase();
        const secret = header.at(record, "secret").replace(/[\s=]/g, "").toUpperCase();
        // A serial names a physical token: one a spreadsheet would run ("-1-1") is refused, not altered.
        if (!/^[A-Z0-9-]{3,40}$/.test(serial) || looksLikeFormula(serial)) issues.add({ line, column: "serial", key: "tokenSerialInvalid" });
        else if (seen.has(serial)) issues.add({ line, column: "serial", key: "rosterDuplicateNumber", values: { first: seen.get(serial)! } });
        else seen.set(serial, line);
        if (!/^[A-Z2-7]{16,128}$/.test(secret)) issues.add({ line, column: "secret", key: "tokenSecretInvalid" });
        tokens.push({ serial, secret });
      }
    }
  } catch (error) {
    if (error instanceof MalformedCsv) return refuse({ line: error.line, column: null, key: "importMalformed", values: { line: error.line } });
    throw error;
  }
  if (!header) return refuse({ line: 1, column: null, key: "importEmpty" });
  return { rows, tokens, seen, issues };
}

/**
 * Hardware tokens delivered by the vendor: a CSV of serial and seed (base32). Every line is
 * checked (format, duplicates in the file, serials already known); with any problem nothing
 * is written. Seeds are stored encrypted, never logged or shown again. `apply` false only checks.
 */
export async function importHardwareTokens(tx: DbOrTx, bytes: Uint8Array, apply = true): Promise<TokenImportReport> {
  return importParsedTokens(tx, await parseTokenFile(bytes), apply);
}

/** The same, for a file already read (routes parse before opening their transaction). */
export async function importParsedTokens(tx: DbOrTx, { rows, tokens, seen, issues }: ParsedTokens, apply = true): Promise<TokenImportReport> {
  if (issues.stoppedAt === null && tokens.length) {
    const known = (await tx.execute(sql`select serial from hardware_tokens where serial in (select jsonb_array_elements_text(${JSON.stringify([...seen.keys()])}::jsonb))`)) as unknown as { serial: string }[];
    for (const k of known) issues.add({ line: seen.get(k.serial)!, column: "serial", key: "tokenSerialKnown" });
  }
  if (issues.count > 0) return { rows, added: 0, applied: false, ...issues.report() };
  // A check says how many tokens the file would add, as the roster's dry run does.
  if (!apply) return { rows, added: tokens.length, applied: false, issues: [], issueCount: 0 };
  const key = parseKey(env().TOKEN_ENCRYPTION_KEY);
  const pause = yielder(1);
  for (let i = 0; i < tokens.length; i += 500) {
    // Sealing is CPU work: a return to the event loop between batches.
    await pause();
    const batch = JSON.stringify(tokens.slice(i, i + 500).map((t) => ({ serial: t.serial, secret_enc: seal(t.secret, key) })));
    await tx.execute(sql`insert into hardware_tokens (serial, secret_enc) select serial, secret_enc from jsonb_to_recordset(${batch}::jsonb) as x(serial text, secret_enc text)`);
  }
  return { rows, added: tokens.length, applied: true, issues: [], issueCount: 0 };
}

/** The import route's work: the file is read first, then the tokens and their audit row (counts only, never seeds) commit together. */
export async function runTokenImport(actorId: string, bytes: Uint8Array, apply: boolean): Promise<TokenImportReport> {
  const parsed = await parseTokenFile(bytes);
  return db().transaction(async (tx) => {
    // A whole company's file: long work, not a web request's few seconds.
    await allowLongWork(tx);
    const r = await importParsedTokens(tx, parsed, apply);
    if (r.applied) await recordAudit(tx, { actorEmployeeId: actorId, action: "tokens.import", targetType: "pool", targetId: "hardware_token", details: { added: r.added } });
    return r;
  });
}
