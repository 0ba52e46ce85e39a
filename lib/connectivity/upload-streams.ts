import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { probeLimits } from "./schema";

// Upload requests in progress, kept in the database (connectivity_upload_streams): the browser
// asks "are my uploads in?" of whichever instance or worker its request reaches, which is often
// not the one still counting the bytes. A process's own memory answered "yes" there at once,
// and the run was then completed without the last upload (its bytes were refused as late).

/** A row older than the longest a stream may last belongs to a process that died: ignored. */
const staleAfterSeconds = probeLimits.maxStreamMs / 1000 + 5;

/** Marks an upload of `testId` as being received; its id, or null if the run is gone. */
export async function openUploadStream(testId: string): Promise<string | null> {
  const [row] = (await db().execute(sql`
    insert into connectivity_upload_streams (test_id) select id from connectivity_tests where id = ${testId} returning id`)) as unknown as { id: string }[];
  return row?.id ?? null;
}

/** The upload's bytes are recorded (or refused): it no longer holds the run's last answer. */
export async function closeUploadStream(id: string): Promise<void> {
  await db().execute(sql`delete from connectivity_upload_streams where id = ${id}`);
}

/** Resolves once no upload of this run is still being received by any instance (or after `maxMs`). */
export async function uploadsSettled(testId: string, maxMs: number): Promise<boolean> {
  const until = Date.now() + maxMs;
  for (;;) {
    const [row] = (await db().execute(sql`
      select exists (select 1 from connectivity_upload_streams
                      where test_id = ${testId} and started_at > now() - make_interval(secs => ${staleAfterSeconds})) as busy`)) as unknown as { busy: boolean }[];
    if (!row.busy) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
