// Swiss AVS/AHV numbers (756.XXXX.XXXX.XX, dots, spaces or none) are personal
// data that must not reach logs or the audit log, even when a person typed one
// into free text. Masked whether or not the check digit is right: a typo'd
// number is still someone's number.
const avsPattern = /(?<![\d.])756[.\s]?\d{4}[.\s]?\d{4}[.\s]?\d{2}(?!\d)/g;

export const avsMask = "[AVS]";

/** Also makes the text well-formed: a lone UTF-16 surrogate (U+FFFD instead) would make jsonb refuse the row. */
export function maskAvs(text: string): string {
  return text.toWellFormed().replace(avsPattern, avsMask);
}

/** Every string inside `value` (objects and arrays, however deep) with AVS numbers masked. */
export function maskAvsDeep<T>(value: T, depth = 0): T {
  if (typeof value === "string") return maskAvs(value) as T;
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskAvsDeep(v, depth + 1)) as T;
  if (value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAvsDeep(v, depth + 1)])) as T;
}
