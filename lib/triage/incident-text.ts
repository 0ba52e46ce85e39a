import type { ispChoices } from "@/lib/connectivity/schema";

// How IT reads what a ticket stores: the self-test keeps the provider as a code ("salt") or,
// for a provider not in the list, "other:<what the person typed>". Pure, so the pages and the
// tests share it.

/** Brand names: the same in every language. */
const brands: Record<Exclude<(typeof ispChoices)[number], "other">, string> = {
  swisscom: "Swisscom",
  sunrise: "Sunrise",
  salt: "Salt",
  quickline: "Quickline",
  init7: "Init7",
  wingo: "Wingo",
  yallo: "Yallo",
};

/** "salt" → "Salt", "other:AccNet-301713" → "AccNet-301713"; null when no provider was given. */
export function providerName(code: string | null): string | null {
  if (!code) return null;
  if (code === "other" || code.startsWith("other:")) return code.slice("other:".length).trim() || null;
  // An unknown code (an older list) is shown as stored rather than hidden.
  return brands[code as keyof typeof brands] ?? code;
}

/** The first line of what the person wrote, cut at a word near `max` characters with "…". */
export function firstWords(text: string | null, max = 80): string | null {
  const line = text
    ?.split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .find((l) => l.length > 0);
  if (!line) return null;
  if (line.length <= max) return line;
  const cut = line.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 0 ? cut.slice(0, space) : line.slice(0, max)).trimEnd()}…`;
}
