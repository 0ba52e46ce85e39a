// The bench's roster file of any size (bench/admin.ts): twelve units, five sites in three
// languages, teams of 20 with their managers, valid AVS numbers (dotted or not), rates written
// "80" or "80 %": what an HR export looks like, generated in the same order every time.
import { firstNamesDe, firstNamesFr, firstNamesIt, lastNamesDe, lastNamesFr, lastNamesIt } from "../../db/seed/names";

// code, name; site code, name, city, canton, language
const units: [string, string][] = [
  ["DIR", "Direction"], ["FIN", "Finance & Controlling"], ["HR", "Human Resources"], ["IT", "Information Technology"],
  ["SAL", "Sales"], ["CC", "Customer Service"], ["LOG", "Logistics & Warehouse"], ["PRD", "Production"],
  ["PUR", "Procurement"], ["MKT", "Marketing & Communication"], ["LEG", "Legal & Compliance"], ["RND", "Research & Development"],
];
export const sites: [string, string, string, string, "fr" | "de" | "en"][] = [
  ["LSN", "Lausanne – Malley", "Lausanne", "VD", "fr"],
  ["ZRH", "Zürich – Altstetten", "Zürich", "ZH", "de"],
  ["FRI", "Fribourg – Givisiez", "Givisiez", "FR", "fr"],
  ["BSL", "Basel – Dreispitz", "Basel", "BS", "de"],
  ["GVA", "Genève – Meyrin", "Meyrin", "GE", "en"],
];
export const rates = [100, 100, 100, 100, 100, 90, 80, 80, 60, 50];
const contracts = ["permanent", "permanent", "permanent", "permanent", "permanent", "permanent", "permanent", "fixed_term", "apprentice", "temporary"];
const header = "employee_number;first_name;last_name;work_email;org_unit;org_unit_name;site;site_name;site_city;site_canton;job_family;contract_type;employment_rate;language;manager_number;avs_number";

const numberOf = (i: number) => `E${String(i + 1).padStart(5, "0")}`;

/** A valid AVS number (756.XXXX.XXXX.XC), dotted or not. */
function avs(i: number): string {
  const digits12 = `756${String((i * 48271 + 12345) % 1_000_000_000).padStart(9, "0")}`;
  const sum = [...digits12].reduce((total, d, k) => total + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
  const digits = `${digits12}${(10 - (sum % 10)) % 10}`;
  return i % 4 === 0 ? digits : `${digits.slice(0, 3)}.${digits.slice(3, 7)}.${digits.slice(7, 11)}.${digits.slice(11)}`;
}

/**
 * The roster file: rows 0, 20, 40, … lead a team of 20, and rows 1–12 of each team name
 * that lead as manager (an earlier row). `rate` overrides employment rates by row.
 */
export function rosterCsv(count: number, rate: (i: number) => number = (i) => rates[(i * 3) % rates.length]): Uint8Array {
  const firstNames = [...firstNamesFr, ...firstNamesDe, ...firstNamesIt];
  const lastNames = [...lastNamesFr, ...lastNamesDe, ...lastNamesIt];
  const lines = [header];
  for (let i = 0; i < count; i += 1) {
    const [unit, unitName] = units[(i * 7) % units.length];
    const [site, siteName, city, canton, language] = sites[i % sites.length];
    const inTeam = i % 20;
    const manager = inTeam >= 1 && inTeam <= 12 ? numberOf(i - inTeam) : "";
    const r = rate(i);
    lines.push(
      [
        numberOf(i), firstNames[(i * 7) % firstNames.length], lastNames[(i * 13) % lastNames.length], `e${i + 1}@bench.test`,
        unit, unitName, site, siteName, city, canton, `family-${i % 9}`, contracts[i % contracts.length], i % 5 === 0 ? `${r} %` : String(r),
        language, manager, avs(i),
      ].join(";"),
    );
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}
