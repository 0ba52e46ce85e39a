// The browser's side of the self-test, run by Node inside a network namespace (the shaped-link
// test, tests/integration/shaped-link.test.ts): the same measurement code the page runs, with
// the real plan. Prints one JSON line: what the page would send to completeTestAction.
//   node --import tsx bench/shaped-link/probe-client.ts <origin> <ticket>
import { measureDownload, measureLatency, sendUploads } from "../../lib/connectivity/measure-throughput";
import { probePlan as plan } from "../../lib/connectivity/schema";

const [base, ticket] = process.argv.slice(2);
if (!base || !ticket) {
  console.error("usage: probe-client.ts <origin> <ticket>");
  process.exit(2);
}
const probe = { base, ticket };
const started = performance.now();
const latencySamples = await measureLatency(probe, plan.pings);
const downloadKbps = await measureDownload(probe, { streams: plan.downloadStreams, durationMs: plan.downloadMs, graceMs: plan.graceMs });
await sendUploads(probe, { streams: plan.uploadStreams, durationMs: plan.uploadMs, graceMs: plan.graceMs }, downloadKbps);
console.log(JSON.stringify({ latencySamples, downloadKbps, ms: Math.round(performance.now() - started) }));
