import { sql, type SQL } from "drizzle-orm";
import { ActionError } from "@/lib/auth/action-error";

// Admin forms write absolute values (a capacity, a setting, the rules). Each carries the
// version of what it showed and the write is refused if the stored value has changed
// since: an admin never overwrites what someone else (or they, a moment ago) saved.
//
// The version is a digest of exactly the fields the form edits, not the row's xmin or
// updated_at: a pool row changes with every reservation, and a form made stale by
// people reserving laptops would be refused all morning.

/** SQL: the version of the given stored values (same values, same version). */
export const versionOf = (...values: SQL[]): SQL => sql`md5(jsonb_build_array(${sql.join(values, sql`, `)})::text)`;

/** The version of a setting that was never saved (the form shows its default). */
export const unsavedVersion = "unsaved";

/** Refused: the form was based on a value that has changed meanwhile. */
export const changedMeanwhile = () => new ActionError("changedMeanwhile");
