// `npm install` runs this (package.json "postinstall"): a fix to postgres.js 3.4.9, the pinned
// version, until a release carries it (porsager/postgres#1189 and #823; the change of its open
// pull request #1218).
//
// The bug: `sql.begin` reserves its connection from inside the expression that also says whether
// the connection can take more pipelined statements. When its BEGIN fills a busy connection's
// pipeline (100 statements of other requests) or meets a full socket buffer, the expression stops
// early and the connection is never reserved: the transaction fails with UNSAFE_TRANSACTION while
// PostgreSQL keeps it open, and the next requests' statements run inside it. Seen under load as
// "unexpected" answers to device requests (bench/device-storm.ts); reproduced by
// tests/integration/pool-transactions.test.ts. The fix reserves the connection whenever BEGIN was
// written, and leaves the rest of the expression as it was (a BEGIN's execute still answers
// "no more on this connection").
//
// Plain JavaScript with no dependency, so that it runs at install time. Fails the install when the
// installed library has neither the known code nor the fix: a new version must be looked at.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "node_modules", "postgres");
const copies = ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"];
const marker = "passerelle: BEGIN written, connection reserved";

const before = `      build(q)
      return write(toBuffer(q))
        && !q.describeFirst
        && !q.cursorFn
        && sent.length < max_pipeline
        && (!q.options.onexecute || q.options.onexecute(connection))`;

const after = `      build(q)
      const written = write(toBuffer(q))
      // ${marker} (porsager/postgres#1189), whatever the pipeline's room.
      if (q.options.onexecute)
        return q.options.onexecute(connection), false
      return written
        && !q.describeFirst
        && !q.cursorFn
        && sent.length < max_pipeline`;

if (!fs.existsSync(root)) process.exit(0); // not installed (yet): nothing to fix
let problems = 0;
for (const copy of copies) {
  const file = path.join(root, copy);
  if (!fs.existsSync(file)) continue;
  const source = fs.readFileSync(file, "utf8");
  if (source.includes(marker)) continue;
  if (!source.includes(before)) {
    console.error(`scripts/patch-postgres.mjs: ${copy} of postgres.js has changed; check whether porsager/postgres#1189 is fixed in it and update or remove this script.`);
    problems += 1;
    continue;
  }
  fs.writeFileSync(file, source.replace(before, after));
}
if (problems > 0) process.exit(1);
