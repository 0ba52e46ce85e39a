// `node --import tsx scripts/lib/seed-rollout.ts`: the demo roll-out (db/seed/rollout.ts) into
// DATABASE_URL with TOKEN_ENCRYPTION_KEY, in a process of its own: the e2e setup runs inside
// Playwright's module loader, which cannot load lib/ the way the roll-out needs it.
import { createDb, noConnectionLimits } from "../../db/client";
import { parseKey } from "../../lib/tokens/secret-box";
import { seedRolloutOnce } from "./demo-data";

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 1, limits: noConnectionLimits });
try {
  await seedRolloutOnce(db, parseKey(process.env.TOKEN_ENCRYPTION_KEY!), (line) => console.log(line));
} finally {
  await sql.end({ timeout: 5 });
}
