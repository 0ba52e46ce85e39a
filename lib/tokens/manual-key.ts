// The manual key and the account name, as the person reads them. Pure and without
// Node-only imports: the page renders them on the server, the copy button in the browser.

/**
 * The key in groups of four, as authenticator apps print it. Spaces and case are
 * ignored, so a key pasted back gives the same groups; the last group may be shorter.
 */
export function keyGroups(key: string): string[] {
  const compact = key.replace(/\s+/g, "").toUpperCase();
  return compact.match(/.{1,4}/g) ?? [];
}

/**
 * For screen readers: each character on its own, groups separated by commas, so
 * "Y3DP" is spelled out instead of read as a made-up word.
 */
export function spokenKey(groups: string[]): string {
  return groups.map((group) => group.split("").join(" ")).join(", ");
}

/**
 * The account the authenticator app lists under "Passerelle": the work address
 * (the company account people sign in to the VPN with), else the employee number.
 * Never the private address someone signed in to the portal with.
 */
export function accountLabel(employee: { workEmail: string | null; number: string }): string {
  const address = employee.workEmail?.trim();
  return address ? address : employee.number;
}
