import "server-only";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Cell } from "./export-format";

// The XLSX holds two sheets one after the other in its zip, but the month is read once: the
// daily annex rows wait here, compressed (about 20 bytes a person), while the summary sheet
// is written, then come back in the same order. Nothing goes to disk.

const perChunk = 500;

export function rowSpool() {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  const seal = () => {
    if (lines.length === 0) return;
    chunks.push(deflateRawSync(lines.join("\n"), { level: 1 }));
    lines = [];
  };
  return {
    add(row: Cell[]) {
      // JSON keeps each cell as it was: numbers print back to the same number, null stays null.
      lines.push(JSON.stringify(row));
      if (lines.length >= perChunk) seal();
    },
    /** The rows in the order they came, each chunk freed once read. */
    *rows(): Generator<Cell[][]> {
      seal();
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        yield inflateRawSync(chunk)
          .toString("utf8")
          .split("\n")
          .map((line) => JSON.parse(line) as Cell[]);
      }
    },
  };
}
