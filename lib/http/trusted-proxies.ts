import { BlockList, isIP } from "node:net";

// Pure: parsed by the environment schema (launcher and server) and used to read
// a client's address. Only proxies listed here may say who the client is.

/** One spelling per address: IPv4-mapped IPv6 as plain IPv4, without brackets or port. */
export function normalizeAddress(raw: string): string {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(value);
  return mapped ? mapped[1] : value;
}

/**
 * Splits a TRUSTED_PROXIES value ("10.0.0.0/8, 127.0.0.1 ::1") into canonical
 * entries, or says which entry is not an IP address or CIDR range.
 */
export function parseTrustedProxies(value: string | undefined): { entries: string[] } | { invalid: string } {
  const entries: string[] = [];
  for (const item of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix, extra] = item.split("/");
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= max))) {
      return { invalid: item };
    }
    entries.push(`${normalized}/${prefix ?? max}`);
  }
  return { entries };
}

const cache = new Map<string, BlockList>();

/** Whether `address` is one of the trusted proxies (entries from parseTrustedProxies). */
export function isTrustedProxy(address: string, entries: readonly string[]): boolean {
  if (entries.length === 0) return false;
  const normalized = normalizeAddress(address);
  const family = isIP(normalized);
  if (!family) return false;
  const key = entries.join(",");
  let list = cache.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [net, prefix] = entry.split("/");
      list.addSubnet(net, Number(prefix), isIP(net) === 6 ? "ipv6" : "ipv4");
    }
    cache.set(key, list);
  }
  return list.check(normalized, family === 6 ? "ipv6" : "ipv4");
}
