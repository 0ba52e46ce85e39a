import { describe, expect, test } from "vitest";
import { jsonSyntaxError } from "@/lib/settings/json-locate";

// A JSON settings editor names the place of a syntax error as line and column (issue 15
// point 11), the same on every Node version: the position is found by our own scan, not
// read from JSON.parse's message (whose wording changed between Node 20 and 22).
describe("the place of a JSON syntax error", () => {
  test("valid JSON has none", () => {
    for (const text of ['{"a": [1, 2.5e3, -0, true, false, null, "x\\n\\u00e9"]}', "[]", " 12 ", '"s"', '{"a":{"b":{}}}\n']) {
      expect(jsonSyntaxError(text)).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  test("a missing comma, a trailing comma, a bare key, single quotes", () => {
    expect(jsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toEqual({ line: 3, column: 3, offset: 13 });
    expect(jsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1, offset: 12 });
    expect(jsonSyntaxError("{ urgent: 1 ")).toEqual({ line: 1, column: 3, offset: 2 });
    expect(jsonSyntaxError("['x']")).toEqual({ line: 1, column: 2, offset: 1 });
  });

  test("an unclosed bracket or string ends at the end of the text", () => {
    expect(jsonSyntaxError('[1, 2\n')).toEqual({ line: 2, column: 1, offset: 6 });
    expect(jsonSyntaxError('{"a": "b')).toEqual({ line: 1, column: 9, offset: 8 });
    expect(jsonSyntaxError("")).toEqual({ line: 1, column: 1, offset: 0 });
  });

  test("bad numbers, literals, escapes, control characters and text after the value", () => {
    expect(jsonSyntaxError("[01]")).toEqual({ line: 1, column: 3, offset: 2 });
    expect(jsonSyntaxError("[1.]")).toEqual({ line: 1, column: 4, offset: 3 });
    expect(jsonSyntaxError("[tru]")).toEqual({ line: 1, column: 5, offset: 4 });
    expect(jsonSyntaxError('["\\x"]')).toEqual({ line: 1, column: 4, offset: 3 });
    expect(jsonSyntaxError('["a\tb"]')).toEqual({ line: 1, column: 4, offset: 3 });
    expect(jsonSyntaxError("{} {}")).toEqual({ line: 1, column: 4, offset: 3 });
  });

  test("columns count characters, and Windows line ends are one line end", () => {
    expect(jsonSyntaxError('{\r\n  "é": 1 x\r\n}')).toEqual({ line: 2, column: 10, offset: 12 });
    expect(jsonSyntaxError('["😀", x]')).toEqual({ line: 1, column: 7, offset: 7 });
  });

  test("deep nesting does not overflow the stack", () => {
    const deep = "[".repeat(100_000) + "]".repeat(99_999);
    expect(jsonSyntaxError(deep)).toEqual({ line: 1, column: 200_000, offset: 199_999 });
  });

  test("wherever JSON.parse fails, a place is found", () => {
    for (const text of ["{", "}", "[,]", '{"a" 1}', "nul", "[1,,2]", "-", "1e", '"\\u12"', "{\"a\":1,}", "\u00a0[]"]) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonSyntaxError(text), text).not.toBeNull();
    }
  });

  test("agrees with JSON.parse on thousands of damaged texts", () => {
    const valid = JSON.stringify({ gateways: [{ url: "https://vpn.test/\u00e9", port: 443, weight: -1.5e-3 }], ok: true, none: null, list: [[], {}] }, null, 2);
    const pieces = ["", "{", "}", "[", "]", ",", ":", '"', "\\", "1", "-", ".", "e", "t", " ", "\n", "x"];
    let seed = 7;
    const random = (max: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % max);
    for (let run = 0; run < 3000; run += 1) {
      const at = random(valid.length);
      const text = valid.slice(0, at) + pieces[random(pieces.length)] + valid.slice(at + random(3));
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(jsonSyntaxError(text) === null, text).toBe(parses);
    }
  });
});
