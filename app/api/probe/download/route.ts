import { randomBytes } from "node:crypto";
import { z } from "zod";
import { badRequest } from "@/lib/http/refuse";
import { parseQuery } from "@/lib/http/search-params";
import { probeLimits } from "@/lib/connectivity/schema";
import { noStore, probeCaller, takeStreamSlot, tooManyStreams } from "@/lib/connectivity/probe-route";

export const dynamic = "force-dynamic";

const query = z.object({ bytes: z.coerce.number().int().positive().max(probeLimits.maxDownloadBytes).optional() });

// Incompressible bytes, generated once and streamed in chunks: no allocation per request.
const chunk = randomBytes(64 * 1024);

/**
 * Streams incompressible data for the download measurement: `bytes` of it when asked, otherwise
 * until the browser stops reading (the test lasts a fixed time). Either way the stream ends at
 * the byte cap or the time cap, so a client that never stops costs a bounded amount.
 */
export async function GET(request: Request) {
  const caller = probeCaller(request);
  if (caller instanceof Response) return caller;
  const parsed = parseQuery(query, new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(request, parsed.reason, { error: "invalid_size", max: probeLimits.maxDownloadBytes });
  const slot = takeStreamSlot(caller.testId, "download");
  if (!slot) return tooManyStreams();
  const asked = parsed.data.bytes;
  let remaining = asked ?? probeLimits.maxDownloadBytes;
  const endsAt = Date.now() + probeLimits.maxStreamMs;
  // Released when the stream ends or is cancelled, and in any case once the time cap has passed.
  const fallback = setTimeout(slot.release, probeLimits.maxStreamMs + 1000);
  const release = () => {
    clearTimeout(fallback);
    slot.release();
  };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (remaining <= 0 || Date.now() > endsAt) {
        release();
        return controller.close();
      }
      const size = Math.min(remaining, chunk.length);
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, size));
      remaining -= size;
    },
    cancel: release,
  });
  const length: Record<string, string> = asked === undefined ? {} : { "Content-Length": String(asked) };
  return new Response(stream, { headers: { ...noStore, "Content-Type": "application/octet-stream", ...length } });
}
