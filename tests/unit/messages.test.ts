import { describe, expect, test } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → message. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Argument names of an ICU message: `{name}`, `{n, number}`, and `{n, plural, one {…} other {…}}` (recursing into branches). */
function argumentNames(message: string): string[] {
  const names: string[] = [];
  let i = 0;
  const fail = () => new Error(`cannot parse ICU message at ${i}: ${message}`);
  const readText = (): void => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") readArgument();
      else i += 1;
    }
  };
  const readArgument = (): void => {
    const head = /^\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?([,}])/.exec(message.slice(i));
    if (!head) throw fail();
    names.push(head[1]);
    i += head[0].length;
    if (head[3] === "}") return;
    for (;;) {
      // Either the argument's closing brace or the next branch's selector, never both: text right
      // after the argument ("}, {other}") belongs to the message, not to a branch.
      const selector = /^\s*(?:(\})|([^\s{}]+)\s*\{)?/.exec(message.slice(i))!;
      i += selector[0].length;
      if (selector[1]) return; // closing brace of the argument
      if (!selector[2]) throw fail();
      readText();
      if (message[i] !== "}") throw fail();
      i += 1;
    }
  };
  readText();
  if (i !== message.length) throw fail();
  return [...new Set(names)].sort();
}

const catalogs = { en: flatten(en), fr: flatten(fr), de: flatten(de) };
const englishKeys = [...catalogs.en.keys()].sort();

describe("argumentNames (test helper)", () => {
  test.each<[string, string[]]>([
    ["no arguments", []],
    ["Hello {name},", ["name"]],
    ["{a} and { b } and {a}", ["a", "b"]],
    ["Wait {minutes, plural, one {# minute} other {# minutes}}.", ["minutes"]],
    ["{n, plural, =0 {none} other {{who} and # more}}", ["n", "who"]],
    ["{a, plural, other {#}}, {b, plural, =0 {.} other {#}}", ["a", "b"]],
    ["{role, select, hr {HR} other {staff}}", ["role"]],
  ])("%j → %j", (message, expected) => {
    expect(argumentNames(message)).toEqual(expected);
  });
});

describe("message catalogs", () => {
  test.each(["fr", "de"] as const)("%s has exactly the English keys", (locale) => {
    expect([...catalogs[locale].keys()].sort()).toEqual(englishKeys);
  });

  test.each(["en", "fr", "de"] as const)("%s has no empty message", (locale) => {
    const empty = [...catalogs[locale]].filter(([, message]) => message.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test.each(["fr", "de"] as const)("%s uses every placeholder of the English message", (locale) => {
    const missing = englishKeys.flatMap((key) => {
      const translated = argumentNames(catalogs[locale].get(key) ?? "");
      return argumentNames(catalogs.en.get(key)!)
        .filter((name) => !translated.includes(name))
        .map((name) => `${key}: {${name}}`);
    });
    expect(missing).toEqual([]);
  });
});
