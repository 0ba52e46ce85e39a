import { expect, officeWorkers, signIn, test } from "./fixtures";

test("probe routes serve only a signed-in person's own running test, within size limits", async ({ page, sql, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  for (const url of ["/api/probe/ping", "/api/probe/download?bytes=1000&test=00000000-0000-4000-8000-000000000000"]) {
    expect((await anonymous.get(url)).status()).toBe(401);
  }
  expect((await anonymous.post("/api/probe/upload?test=00000000-0000-4000-8000-000000000000", { data: "x" })).status()).toBe(401);
  await anonymous.dispose();

  const [person] = await officeWorkers(sql, 1, 30);
  await signIn(page, person);
  expect((await page.request.get("/api/probe/ping")).status()).toBe(204);
  expect((await page.request.get("/api/probe/download?bytes=1000&test=00000000-0000-4000-8000-000000000000")).status()).toBe(404);

  const [mine] = await sql`insert into connectivity_tests (employee_id) select id from employees where work_email = ${person} returning id`;
  const [other] = await sql`insert into connectivity_tests (employee_id) select id from employees where work_email = 'employee@demo.test' returning id`;
  expect((await page.request.get(`/api/probe/download?bytes=1000&test=${other.id}`)).status()).toBe(404);
  expect((await page.request.post(`/api/probe/upload?test=${other.id}`, { data: Buffer.alloc(1000) })).status()).toBe(404);

  const download = await page.request.get(`/api/probe/download?bytes=100000&test=${mine.id}`);
  expect(download.status()).toBe(200);
  expect((await download.body()).length).toBe(100000);
  expect((await page.request.get(`/api/probe/download?bytes=999999999&test=${mine.id}`)).status()).toBe(400);
  expect((await page.request.get(`/api/probe/download?bytes=-5&test=${mine.id}`)).status()).toBe(400);

  expect((await page.request.post(`/api/probe/upload?test=${mine.id}`, { data: Buffer.alloc(9 * 1024 * 1024) })).status()).toBe(413);
  const upload = await page.request.post(`/api/probe/upload?test=${mine.id}`, { data: Buffer.alloc(256 * 1024) });
  expect(upload.status()).toBe(200);
  expect(await upload.json()).toEqual({ bytes: 256 * 1024 });
  const samples = await sql`select bytes from connectivity_uploads where test_id = ${mine.id}`;
  expect(samples.map((s) => Number(s.bytes))).toEqual([256 * 1024]);
});
