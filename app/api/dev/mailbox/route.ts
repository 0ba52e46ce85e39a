import { z } from "zod";
import { badRequest } from "@/lib/http/refuse";
import { parseQuery } from "@/lib/http/search-params";
import { devMailboxEnabled, listDevMail } from "@/lib/mail/dev-mailbox";

export const dynamic = "force-dynamic";

const query = z.object({ to: z.string().min(1).max(254).optional() });

/** Demo mode only: the messages "sent" to an address, newest first. */
export async function GET(request: Request) {
  if (!devMailboxEnabled()) return Response.json({ error: "not_found" }, { status: 404 });
  const parsed = parseQuery(query, new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(request, parsed.reason, { error: "invalid_address" });
  const to = parsed.data.to ?? null;
  const messages = await listDevMail(to);
  return Response.json(
    messages.map(({ to, subject, text, html, links, deliveredAt }) => ({ to, subject, text, html, links, deliveredAt })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
