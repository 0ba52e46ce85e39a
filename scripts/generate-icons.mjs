// Writes public/icon.svg, icon-192.png and icon-512.png from one description of the
// shapes (a footbridge: arch, hangers, deck), without image libraries: the PNGs are
// rasterised here (4×4 supersampling) and encoded with node:zlib.
// Run: node scripts/generate-icons.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const publicDir = path.resolve(import.meta.dirname, "../public");
// The header's colour (Tailwind 4 blue-900) and white, on a 512 grid. Everything stays
// inside the central 80 % circle, so launchers may crop the PNGs as maskable icons.
const background = [0x1c, 0x39, 0x8e];
const foreground = [0xff, 0xff, 0xff];
const arch = { cx: 256, cy: 332, outer: 150, inner: 118 };
const rects = [
  { x: 96, y: 300, w: 320, h: 32 }, // deck
  { x: 168, y: 240, w: 16, h: 60 }, // hangers, starting inside the arch's band
  { x: 248, y: 200, w: 16, h: 100 },
  { x: 328, y: 240, w: 16, h: 60 },
];

function inside(x, y) {
  const d = Math.hypot(x - arch.cx, y - arch.cy);
  if (y <= arch.cy && d <= arch.outer && d >= arch.inner) return true;
  return rects.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
}

function svg() {
  const { cx, cy, outer, inner } = arch;
  const band = `M${cx - outer} ${cy}A${outer} ${outer} 0 0 1 ${cx + outer} ${cy}H${cx + inner}A${inner} ${inner} 0 0 0 ${cx - inner} ${cy}Z`;
  const bars = rects.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"/>`).join("");
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><title>Passerelle</title><rect width="512" height="512" rx="96" fill="${hex(background)}"/><g fill="${hex(foreground)}"><path d="${band}"/>${bars}</g></svg>\n`;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const scale = 512 / size;
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) if (inside((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale)) hits++;
      const share = hits / (samples * samples);
      for (let c = 0; c < 3; c++) row[1 + px * 3 + c] = Math.round(background[c] + (foreground[c] - background[c]) * share);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

writeFileSync(path.join(publicDir, "icon.svg"), svg());
for (const size of [192, 512]) writeFileSync(path.join(publicDir, `icon-${size}.png`), png(size));
console.log("public/icon.svg, icon-192.png, icon-512.png written");
