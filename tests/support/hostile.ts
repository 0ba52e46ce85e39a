// What the open internet types into forms and query strings.
export const hostileStrings: string[] = [
  "\u0000",
  "abc\u0000def",
  "x".repeat(100_000),
  "\u202Eevil\u202C rtl",
  "'; drop table employees; --",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "\uD800",
  "a\uDC00b\uD800",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "not-a-uuid",
  "-".repeat(36),
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  "00000000-0000-0000-0000-00000000000g",
  "-1",
  "1e309",
  "99999999999999999999999",
  "NaN",
  "",
  "   ",
  "😀".repeat(50),
];

/** Non-strings where a scalar is expected (a repeated form field arrives as an array). */
export const hostileValues: unknown[] = [...hostileStrings, ["a", "b"], [], {}, null, 2 ** 53 + 10, -1, 1.5, Number.NaN, true, 2_147_483_648];

type Path = (string | number)[];

/** Every leaf of a plain input (objects and arrays), as a path. */
export function leaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === "object" && !(value instanceof File)) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
export function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  const object = value as Record<string, unknown>;
  return { ...object, [head]: replaced(object[head as string], rest, by) };
}

/** The input with each leaf replaced in turn by each hostile value, plus hostile whole inputs. */
export function variants(base: unknown): unknown[] {
  const out: unknown[] = [null, undefined, "<script>", 42, [base], {}];
  for (const path of leaves(base)) for (const value of hostileValues) out.push(replaced(base, path, value));
  return out;
}

// encodeURIComponent throws on a lone surrogate: send the bytes a browser would never send instead.
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
};

/** Values as a query string: each name with each hostile string, and repeated. */
export function hostileQueries(names: string[]): string[] {
  const out: string[] = ["", "?=", "?%00=1", `?${names.map((n) => `${n}=a&${n}=b`).join("&")}`];
  for (const name of names) {
    for (const value of hostileStrings) out.push(`?${name}=${encode(value).slice(0, 20_000)}`);
    out.push(`?${name}=%ZZ`, `?${name}[]=1`, `?${name}=1&${name}=%00`);
  }
  return out;
}
