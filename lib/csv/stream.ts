// Reading an imported CSV file without holding the event loop: the bytes are fed to
// csv-parse's streaming parser in small slices, and control goes back to the event loop
// after each one, so health checks and other people's pages keep answering while a
// 50 MB file is read. Records come out in batches and are never all kept: callers check
// each batch and keep only what they need. Pure (no database).

import { isUtf8 } from "node:buffer";
import { parse } from "csv-parse";
import { detectDelimiter } from "./read";

export type CsvRecord = { record: string[]; line: number };

/** The CSV itself is broken (an unclosed quote): the line a spreadsheet would show. */
export class MalformedCsv extends Error {
  constructor(readonly line: number) {
    super(`malformed CSV near line ${line}`);
  }
}

/**
 * Bytes handed to the parser between two returns to the event loop. The size adapts so that
 * one slice is about `sliceMs` of work: csv-parse is fast on regular rows but builds an Error
 * for every row whose length differs from the header's (relax_column_count), about 20 times
 * slower, which a file of one-character lines turns into seconds per 64 kB.
 */
const minSlice = 1024;
const maxSlice = 256 * 1024;
const sliceMs = 8;

/** Lets timers and I/O (other requests, health checks) run before the next slice. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every `every` calls, a return to the event loop: for long loops over parsed rows. */
export function yielder(every = 2000): () => Promise<void> | void {
  let n = 0;
  return () => {
    n += 1;
    if (n % every === 0) return yieldToEventLoop();
  };
}

// Windows-1252's characters at 0x80–0x9F (€, „, smart quotes, Š…): Node's TextDecoder
// reads that label as Latin-1, which puts invisible control characters there instead.
const cp1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const windows1252 = (decoder: TextDecoder, bytes: Uint8Array) => decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => cp1252[c.charCodeAt(0) - 0x80]);

function headerText(bytes: Uint8Array, decoder: TextDecoder): string {
  const end = bytes.subarray(0, maxSlice).indexOf(0x0a);
  return decoder.decode(bytes.subarray(0, end < 0 ? Math.min(bytes.byteLength, maxSlice) : end));
}

/**
 * The file's records (header first) in batches, one batch per slice. UTF-8 (with or without
 * BOM), else Windows-1252 / Latin-1 as older exports are; `;` `,` or tab as the header uses
 * most. Throws MalformedCsv where the CSV itself is broken. Stop iterating to stop reading.
 */
export async function* csvBatches(bytes: Uint8Array): AsyncGenerator<CsvRecord[], void, void> {
  const utf8 = isUtf8(bytes);
  const start = utf8 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Windows-1252 is decoded slice by slice (one byte is one character, so slices never split one).
  const legacy = utf8 ? null : new TextDecoder("windows-1252");
  const delimiter = detectDelimiter(headerText(bytes.subarray(start), legacy ?? new TextDecoder("utf-8")));
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true });
  let batch: CsvRecord[] = [];
  let failure: unknown = null;
  let ended = false;
  parser.on("data", (r: { record: string[]; info: { lines: number } }) => batch.push({ record: r.record, line: r.info.lines }));
  parser.on("error", (error) => (failure = error));
  parser.on("end", () => (ended = true));
  const take = () => {
    if (failure) throw new MalformedCsv((failure as { lines?: number }).lines ?? 1);
    const out = batch;
    batch = [];
    return out;
  };
  try {
    let size = minSlice;
    for (let offset = start; offset < bytes.byteLength; ) {
      const end = Math.min(bytes.byteLength, offset + size);
      const slice = bytes.subarray(offset, end);
      offset = end;
      const began = performance.now();
      // Those per-row Errors need no stack trace (they never surface): capturing one is most of
      // their cost. Synchronous, so nothing else runs with the limit at 0.
      const stackTraceLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        parser.write(legacy ? windows1252(legacy, slice) : Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength));
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
      }
      const spent = performance.now() - began;
      // The parser hands records over on process.nextTick: all of this slice's are in by the next turn.
      await yieldToEventLoop();
      const out = take();
      if (out.length > 0) yield out;
      size = Math.round(Math.min(maxSlice, size * 4, Math.max(minSlice, (size * sliceMs) / Math.max(spent, 0.1))));
    }
    parser.end();
    while (!ended && !failure) await yieldToEventLoop();
    const out = take();
    if (out.length > 0) yield out;
  } finally {
    if (!ended) parser.destroy();
  }
}
