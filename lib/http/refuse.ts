import "server-only";
import { logger } from "@/lib/log/logger";

const noStore = { "Cache-Control": "no-store" };

/**
 * A 400 for a request whose query or body is malformed. Junk from the open
 * internet is expected, not a fault: one warn line (method, path, which
 * field), no stack, and never the query string itself (it may hold an
 * address or a token).
 */
export function badRequest(request: Request, reason: string, body: string | Record<string, unknown> = "Bad request."): Response {
  const { pathname } = new URL(request.url);
  logger.warn({ method: request.method, path: pathname.slice(0, 200), reason: reason.slice(0, 200) }, "request refused");
  return typeof body === "string" ? new Response(body, { status: 400, headers: noStore }) : Response.json(body, { status: 400, headers: noStore });
}
