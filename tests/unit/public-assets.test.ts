import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { config } from "@/proxy";

const publicDir = path.resolve(import.meta.dirname, "../../public");
const read = (name: string) => readFileSync(path.join(publicDir, name));

// The proxy sends requests without a session cookie to sign-in; browsers fetch the manifest
// (and crawlers robots.txt) without one, so these files must stay outside its matcher.
const require = createRequire(import.meta.url);
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: { basePath: string }) => { regexp: string }[];
};
const runsOn = (p: string) => getMiddlewareMatchers(config.matcher, { basePath: "" }).some((m) => new RegExp(m.regexp).test(p));

describe("public files", () => {
  test("robots.txt forbids indexing the whole portal", () => {
    const lines = read("robots.txt").toString("utf8").split(/\r?\n/).map((l) => l.trim());
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Disallow: /");
  });

  test("the web-app manifest opens /start as a standalone app named Passerelle", () => {
    const manifest = JSON.parse(read("manifest.webmanifest").toString("utf8")) as Record<string, unknown> & { icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ name: "Passerelle", short_name: "Passerelle", start_url: "/start", display: "standalone", scope: "/" });
    // The header's colour (Tailwind 4 blue-900), so the phone's status bar matches the app.
    expect(manifest.theme_color).toBe("#1c398e");
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["any", "192x192", "512x512"]));
    for (const icon of manifest.icons) expect(read(icon.src.replace(/^\//, "")).length).toBeGreaterThan(0);
  });

  test("the PNG icons are real PNGs of the size the manifest names", () => {
    for (const size of [192, 512]) {
      const png = read(`icon-${size}.png`);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  test("the SVG icon is an SVG", () => {
    expect(read("icon.svg").toString("utf8")).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  test("the proxy leaves the manifest, the icons and robots.txt alone", () => {
    for (const p of ["/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png", "/robots.txt"]) expect(runsOn(p)).toBe(false);
  });
});
