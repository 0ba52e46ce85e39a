import { demo, expect, expectAccessible, signIn, test } from "./fixtures";

// The one file import (issue 15): the vendor's token file now has the same check-then-import
// flow, problem table and result as the roster and hours imports. Serials are unique per run.
test("an admin checks a token file, sees the bad line in the problem table, then adds the tokens", async ({ page, sql }) => {
  const stamp = Date.now().toString(36).toUpperCase();
  await signIn(page, demo.admin);
  await page.goto("/admin/stock");
  const tokens = page.getByRole("region", { name: "Hardware tokens" });
  const file = (lines: string[]) => ({ name: "tokens.csv", mimeType: "text/csv", buffer: Buffer.from(["serial;secret", ...lines].join("\n")) });
  const good = [`FI-${stamp}-1;JBSWY3DPEHPK3PXPJBSWY3DP`, `FI-${stamp}-2;KRSXG5CTMVRXEZLUKRSXG5CT`];

  await tokens.getByLabel(/Tokens delivered/).setInputFiles(file([...good, `FI-${stamp}-3;not-base32`]));
  await tokens.getByRole("button", { name: "Check the file" }).click();
  await expect(tokens.getByText("1 problem found")).toBeVisible();
  const problems = tokens.getByRole("table", { name: "Problems by line" });
  await expect(problems.getByRole("row").nth(1).getByRole("cell")).toHaveText(["4", "secret", "The seed must be base32 (letters A–Z and digits 2–7), 16 to 128 characters."]);
  await expectAccessible(page);

  await tokens.getByLabel(/Tokens delivered/).setInputFiles(file(good));
  await tokens.getByRole("button", { name: "Check the file" }).click();
  await expect(tokens.getByText("The file would add 2 tokens.")).toBeVisible();
  const [none] = await sql`select count(*)::int as n from hardware_tokens where serial like ${`FI-${stamp}-%`}`;
  expect(none.n).toBe(0);

  await tokens.getByRole("button", { name: "Add the tokens" }).click();
  await expect(tokens.getByText("2 tokens added.")).toBeVisible();
  await expect(tokens.getByText("Imported", { exact: true })).toBeVisible();
  const [added] = await sql`select count(*)::int as n from hardware_tokens where serial like ${`FI-${stamp}-%`}`;
  expect(added.n).toBe(2);
});
