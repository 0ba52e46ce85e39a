import createNextIntlPlugin from "next-intl/plugin";

// Messages compiled at build time (next-intl's catalog loader, format-only runtime): a page then
// formats a message by walking its compiled form instead of going through intl-messageformat and
// a memoiser that serialised its arguments on every call. CPU per request 8–10 % lower on /it,
// the status page and /hr (alternating runs on the crisis data, 2026-12-02). A message read as
// raw text from `messagesByLocale` is compiled too: format it (app/admin/waves/page.tsx).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["pino", "postgres", "nodemailer", "exceljs"],
  // `forbidden()` renders app/forbidden.tsx with a real 403 status.
  // Server actions carry forms only: files (up to 50 MB) go to the route handlers under
  // /api/imports, outside proxy.ts. Next buffers an action's body before the action checks
  // anything, so a small limit keeps anonymous requests from making it hold megabytes.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  // Metadata in <head> for every browser, never streamed into the body: a streamed <title> goes
  // missing while the page refreshes after an action (vercel/next.js#79135), and axe caught a
  // page without one in CI. Our generateMetadata functions are a translation each.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
