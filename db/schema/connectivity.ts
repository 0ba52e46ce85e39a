import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employees } from "./roster";

export const connectivityTestStatusEnum = pgEnum("connectivity_test_status", ["running", "completed", "abandoned"]);
export const connectivityVerdictEnum = pgEnum("connectivity_verdict", ["good", "limited", "udp_blocked", "udp_untested", "gateway_unreachable", "offline"]);

export type GatewayResult = { id: string; reachable: boolean; ms: number | null };

/** One run of the browser self-test. Kept 30 days (background purge). */
export const connectivityTests = pgTable(
  "connectivity_tests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    status: connectivityTestStatusEnum("status").notNull().default("running"),
    isp: text("isp"),
    latencyMs: integer("latency_ms"),
    jitterMs: integer("jitter_ms"),
    downloadKbps: integer("download_kbps"),
    /** Measured on the server (bytes received over time), right even behind proxies. */
    uploadKbps: integer("upload_kbps"),
    /** true: a STUN answer came back; false: host candidates only (blocked); null: the browser could not test. */
    udpOk: boolean("udp_ok"),
    gateways: jsonb("gateways").$type<GatewayResult[]>(),
    verdict: connectivityVerdictEnum("verdict"),
    recommendation: text("recommendation"),
    limits: jsonb("limits").$type<string[]>(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("connectivity_tests_employee_idx").on(t.employeeId, t.startedAt), index("connectivity_tests_started_idx").on(t.startedAt), index("connectivity_tests_isp_idx").on(t.isp, t.verdict)],
);

/**
 * Upload requests being received right now, whichever instance receives them: the browser's
 * last question ("are my uploads in?") may reach another instance or worker than the one
 * counting the bytes, so the answer cannot come from one process's memory. A row lives from
 * the request's start until its bytes are recorded (or refused); one left by a crashed
 * process is ignored after the longest a stream may last.
 */
export const connectivityUploadStreams = pgTable(
  "connectivity_upload_streams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    testId: uuid("test_id")
      .notNull()
      .references(() => connectivityTests.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connectivity_upload_streams_test_idx").on(t.testId)],
);

/** Upload streams as the server saw them. */
export const connectivityUploads = pgTable(
  "connectivity_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    testId: uuid("test_id")
      .notNull()
      .references(() => connectivityTests.id, { onDelete: "cascade" }),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    firstByteAt: timestamp("first_byte_at", { precision: 3, withTimezone: true }).notNull(),
    lastByteAt: timestamp("last_byte_at", { precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index("connectivity_uploads_test_idx").on(t.testId)],
);
