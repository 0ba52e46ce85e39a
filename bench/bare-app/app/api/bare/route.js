// The bare JSON route the device-request storm is compared with: parses a small JSON body, answers JSON.
export const dynamic = "force-dynamic";

export async function POST(request) {
  const body = await request.json().catch(() => ({}));
  return Response.json({ ok: true, kind: typeof body.kind === "string" ? body.kind : null });
}
