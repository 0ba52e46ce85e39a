import { describe, expect, test } from "vitest";
import { escapeHtml, extractLinks, retryDelaySeconds, sanitizeError } from "@/lib/mail/message";

describe("retryDelaySeconds", () => {
  test.each<[number, number]>([
    [0, 30],
    [-3, 30],
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [7, 1920],
    [8, 3600],
    [40, 3600],
    [1000, 3600],
  ])("attempt %i → %i s", (attempts, expected) => {
    expect(retryDelaySeconds(attempts)).toBe(expected);
  });
});

describe("extractLinks", () => {
  test.each<[string, string[]]>([
    ["no links here", []],
    ["Sign in: http://localhost:3000/api/auth/callback/email?token=abc", ["http://localhost:3000/api/auth/callback/email?token=abc"]],
    ["b https://b.ch/ then a http://a.ch/x and b again https://b.ch/", ["https://b.ch/", "http://a.ch/x"]],
    ['<a href="https://x.ch/p?q=1">https://x.ch/p?q=1</a>', ["https://x.ch/p?q=1"]],
    ["<https://x.ch/a>, 'https://y.ch/b' (https://z.ch/c)", ["https://x.ch/a", "https://y.ch/b", "https://z.ch/c"]],
    ["https://x.ch/a\nhttps://y.ch/b\thttps://z.ch/c", ["https://x.ch/a", "https://y.ch/b", "https://z.ch/c"]],
    ["ftp://x.ch/ and mailto:jane@x.ch", []],
  ])("%j → %j", (text, expected) => {
    expect(extractLinks(text)).toEqual(expected);
  });
});

describe("escapeHtml", () => {
  test.each<[string, string]>([
    ["plain text", "plain text"],
    ["<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"],
    ['a "quoted" & <b>', "a &quot;quoted&quot; &amp; &lt;b&gt;"],
    ["&amp;", "&amp;amp;"],
    ["Élodie · Zürich", "Élodie · Zürich"],
  ])("%j → %j", (value, expected) => {
    expect(escapeHtml(value)).toBe(expected);
  });
});

describe("sanitizeError", () => {
  test.each<[string, unknown, string]>([
    ["Error", new Error("connection refused"), "connection refused"],
    ["address in an Error", new Error("550 no mailbox jane.doe@example.ch"), "550 no mailbox [address]"],
    ["bracketed addresses", "RCPT <a@x.ch> and <b+tag@y.ch> failed", "RCPT <[address]> and <[address]> failed"],
    ["string", "timeout", "timeout"],
    ["number", 42, "42"],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["plain object", { code: 1 }, "[object Object]"],
  ])("%s", (_label, error, expected) => {
    expect(sanitizeError(error)).toBe(expected);
  });

  test.each<[string, unknown]>([
    ["long string", "x".repeat(600)],
    ["long Error", new Error(`${"y".repeat(498)} jane@example.ch ${"z".repeat(200)}`)],
  ])("truncates a %s to 500 characters", (_label, error) => {
    const text = sanitizeError(error);
    expect(text).toHaveLength(500);
    expect(text).not.toContain("@");
  });
});
