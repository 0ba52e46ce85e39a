export const dynamic = "force-dynamic";

/**
 * Stands in for a VPN gateway's HTTPS endpoint in the demo (the settings point
 * real installations at the gateways themselves). The browser only checks that
 * a TCP+TLS connection on 443 gets an answer, so it says nothing else.
 */
export async function GET() {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
