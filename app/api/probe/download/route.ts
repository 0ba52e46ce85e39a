import { randomBytes } from "node:crypto";
import { z } from "zod";
import { badRequest } from "@/lib/http/refuse";
import { parseQuery } from "@/lib/http/search-params";
import { maxProbeBytes } from "@/lib/connectivity/schema";
import { noStore, probeCaller } from "@/lib/connectivity/probe-route";

export const dynamic = "force-dynamic";

const query = z.object({ bytes: z.coerce.number().int().positive().max(maxProbeBytes) });

// Incompressible bytes, generated once and streamed in chunks: no allocation per request.
const chunk = randomBytes(64 * 1024);

/** Streams `bytes` (capped) of incompressible data for the download measurement. */
export async function GET(request: Request) {
  const caller = await probeCaller(request, true);
  if (caller instanceof Response) return caller;
  const parsed = parseQuery(query, new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(request, parsed.reason, { error: "invalid_size", max: maxProbeBytes });
  const asked = parsed.data.bytes;
  let remaining = asked;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (remaining <= 0) return controller.close();
      const size = Math.min(remaining, chunk.length);
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, size));
      remaining -= size;
    },
  });
  return new Response(stream, { headers: { ...noStore, "Content-Type": "application/octet-stream", "Content-Length": String(asked) } });
}
