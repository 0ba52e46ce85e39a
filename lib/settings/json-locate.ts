// Where a JSON text stops being JSON, as line and column (issue 15 point 11). JSON.parse
// says where only in its message, and that wording differs between Node versions ("at
// position 12" in Node 20, sometimes no position at all in Node 22): this small scanner
// follows the JSON grammar (RFC 8259) and finds the first character that breaks it, the
// same everywhere. Iterative, so a deeply nested text cannot overflow the stack. Pure.

/** 1-based line and column (in characters), and the 0-based offset in UTF-16 units (for a textarea's selection). */
export type JsonPlace = { line: number; column: number; offset: number };

/** The place of the first syntax error, or null when `text` is valid JSON. */
export function jsonSyntaxError(text: string): JsonPlace | null {
  const offset = firstErrorOffset(text);
  return offset === null ? null : placeOf(text, offset);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const escapes = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const literals: Record<string, string> = { t: "true", f: "false", n: "null" };

function firstErrorOffset(s: string): number | null {
  const n = s.length;
  let i = 0;
  const stack: ("{" | "[")[] = [];
  const skipSpace = () => {
    while (i < n && (s[i] === " " || s[i] === "\t" || s[i] === "\n" || s[i] === "\r")) i += 1;
  };
  // Each reader consumes its token and answers -1, or the offset of the error.
  const readString = (): number => {
    i += 1; // the opening quote
    while (i < n) {
      const c = s[i];
      if (c === '"') {
        i += 1;
        return -1;
      }
      if (c.charCodeAt(0) < 0x20) return i;
      if (c === "\\") {
        const e = s[i + 1];
        if (e === undefined) return n;
        if (escapes.has(e)) i += 2;
        else if (e === "u") {
          for (let k = 2; k < 6; k += 1) if (!isHex(s[i + k])) return Math.min(i + k, n);
          i += 6;
        } else return i + 1;
      } else i += 1;
    }
    return n;
  };
  const readNumber = (): number => {
    if (s[i] === "-") i += 1;
    if (s[i] === "0") i += 1;
    else if (isDigit(s[i])) while (isDigit(s[i])) i += 1;
    else return i;
    if (s[i] === ".") {
      i += 1;
      if (!isDigit(s[i])) return i;
      while (isDigit(s[i])) i += 1;
    }
    if (s[i] === "e" || s[i] === "E") {
      i += 1;
      if (s[i] === "+" || s[i] === "-") i += 1;
      if (!isDigit(s[i])) return i;
      while (isDigit(s[i])) i += 1;
    }
    return -1;
  };
  const readLiteral = (word: string): number => {
    for (let k = 0; k < word.length; k += 1) if (s[i + k] !== word[k]) return Math.min(i + k, n);
    i += word.length;
    return -1;
  };
  // An object member's name and its colon.
  const readKey = (): number => {
    skipSpace();
    if (s[i] !== '"') return i;
    const error = readString();
    if (error >= 0) return error;
    skipSpace();
    if (s[i] !== ":") return i;
    i += 1;
    return -1;
  };

  let expectValue = true;
  for (;;) {
    if (expectValue) {
      skipSpace();
      const c = s[i];
      if (c === "{" || c === "[") {
        i += 1;
        skipSpace();
        if (s[i] === (c === "{" ? "}" : "]")) i += 1;
        else {
          stack.push(c);
          if (c === "{") {
            const error = readKey();
            if (error >= 0) return error;
          }
          continue; // the first member's value
        }
      } else {
        const error = c === '"' ? readString() : c === "-" || isDigit(c) ? readNumber() : c !== undefined && literals[c] ? readLiteral(literals[c]) : i;
        if (error >= 0) return error;
      }
      expectValue = false;
    }
    // After a value: the next member, the end of its container, or the end of the text.
    skipSpace();
    const top = stack.at(-1);
    if (top === undefined) return i === n ? null : i;
    if (s[i] === ",") {
      i += 1;
      if (top === "{") {
        const error = readKey();
        if (error >= 0) return error;
      }
      expectValue = true;
    } else if (s[i] === (top === "{" ? "}" : "]")) {
      i += 1;
      stack.pop();
    } else return i;
  }
}

/** Line and column of `offset`: \n, \r\n and \r end a line; a character outside the BMP is one column. */
function placeOf(s: string, offset: number): JsonPlace {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; ) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      line += 1;
      column = 1;
      i += c === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    i += pair ? 2 : 1;
    column += 1;
  }
  return { line, column, offset };
}
