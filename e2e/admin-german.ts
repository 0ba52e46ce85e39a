import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { demo, signIn, switchLanguage } from "./fixtures";

// The admin's specs for issue 15 points 10–12 read the pages in German, as the admin
// did. Switching the language also saves it on the admin's account: `restore` puts back the
// account's language as it was, so the English admin specs that follow read English.

/** "2’003": the Swiss German grouping the portal writes (lib/i18n/format.ts). */
export const swissGerman = (value: number) => new Intl.NumberFormat("de-CH").format(value).replace(/'/g, "’");

export async function signInAsGermanAdmin(page: Page, sql: postgres.Sql): Promise<{ restore: () => Promise<void>; employeeId: string }> {
  await signIn(page, demo.admin);
  const [user] = await sql<{ locale: string | null; employee_id: string }[]>`select locale::text as locale, employee_id from users where email = ${demo.admin}`;
  await switchLanguage(page, "Deutsch");
  return {
    employeeId: user.employee_id,
    restore: async () => {
      await sql`update users set locale = ${user.locale}::language where email = ${demo.admin}`;
    },
  };
}
