import { devMailboxEnabled, listDevMail } from "@/lib/mail/dev-mailbox";

export const dynamic = "force-dynamic";

/** Demo mode only: the messages "sent" to an address, newest first. */
export async function GET(request: Request) {
  if (!devMailboxEnabled()) return Response.json({ error: "not_found" }, { status: 404 });
  const to = new URL(request.url).searchParams.get("to");
  if (to !== null && (to.length === 0 || to.length > 254)) {
    return Response.json({ error: "invalid_address" }, { status: 400 });
  }
  const messages = await listDevMail(to);
  return Response.json(
    messages.map(({ to, subject, text, html, links, deliveredAt }) => ({ to, subject, text, html, links, deliveredAt })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
