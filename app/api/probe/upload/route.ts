import { maxProbeBytes } from "@/lib/connectivity/schema";
import { noStore, probeCaller } from "@/lib/connectivity/probe-route";
import { recordUpload } from "@/lib/connectivity/service";

export const dynamic = "force-dynamic";

/**
 * Upload speed measured here, on the server: bytes received between the first
 * and the last chunk. The body is counted, never buffered, and cut off past
 * the cap, so memory stays bounded whatever is sent.
 */
export async function POST(request: Request) {
  const caller = await probeCaller(request, true);
  if (caller instanceof Response) return caller;
  if (!request.body) return Response.json({ error: "empty" }, { status: 400, headers: noStore });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxProbeBytes) return Response.json({ error: "too_large", max: maxProbeBytes }, { status: 413, headers: noStore });

  const reader = request.body.getReader();
  let bytes = 0;
  let first: Date | null = null;
  let last: Date | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    first ??= new Date();
    last = new Date();
    bytes += value.byteLength;
    if (bytes > maxProbeBytes) {
      await reader.cancel();
      return Response.json({ error: "too_large", max: maxProbeBytes }, { status: 413, headers: noStore });
    }
  }
  if (!first || !last || bytes === 0) return Response.json({ error: "empty" }, { status: 400, headers: noStore });
  const stored = await recordUpload(caller.testId!, caller.person.employeeId, bytes, first, last);
  if (!stored) return Response.json({ error: "too_many_uploads" }, { status: 429, headers: noStore });
  return Response.json({ bytes }, { headers: noStore });
}
