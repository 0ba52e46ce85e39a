import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A sign-in link asked for, whatever the address: the request only records it,
 * so an address on the roster and one that is not cost the same while the
 * person waits. The sign-in worker reads the roster, stores the token, queues
 * the mail and deletes the row. Holds no token: the worker makes its own.
 */
export const signInRequests = pgTable(
  "sign_in_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The address as typed, normalized (lower case, trimmed). */
    identifier: text("identifier").notNull(),
    /** Where the person goes after signing in (checked again by next-auth's redirect callback). */
    callbackUrl: text("callback_url"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_requests_identifier_idx").on(t.identifier)],
);
