import { noStore, probeCaller } from "@/lib/connectivity/probe-route";

export const dynamic = "force-dynamic";

/** A tiny round trip for latency and jitter: the run ticket is checked in memory, nothing else. */
export async function GET(request: Request) {
  const caller = probeCaller(request);
  if (caller instanceof Response) return caller;
  return new Response(null, { status: 204, headers: noStore });
}
