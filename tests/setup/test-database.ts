import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";

// Each test file gets its own database cloned from the migrated template, so
// files run in parallel without seeing each other's rows.
const adminUrl = inject("pgServerUrl");
const name = `t_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name} template passerelle_template`);

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.DEMO_MODE = "true";
process.env.TOKEN_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
process.env.PUBLIC_URL = "http://127.0.0.1:3999";
process.env.LOG_LEVEL = "silent";
delete process.env.SMTP_URL;

afterAll(async () => {
  const holder = globalThis as unknown as { __passerelleDb?: { db: { $client: { end(o: object): Promise<void> } } } };
  await holder.__passerelleDb?.db.$client.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
});
