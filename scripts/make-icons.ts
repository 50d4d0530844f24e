// Draws the add-in's ribbon and manifest icons (assets/icon-16/32/64/80.png): a blue rounded tile with
// three rising bars, the tallest in gold (the selected portfolio). Node builtins only, deterministic
// output, so `npm run icons` regenerates the committed files byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgba = [number, number, number, number];

const SIZES = [16, 32, 64, 80] as const;
const SUPERSAMPLE = 8; // sub-samples per pixel edge, for anti-aliased corners
const TOP: Rgba = [0x1b, 0x7f, 0xd1, 255];
const BOTTOM: Rgba = [0x0f, 0x5c, 0xa3, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [0xff, 0xc8, 0x3d, 255];

interface Bar {
  x0: number;
  x1: number;
  top: number;
  colour: Rgba;
}

/** Bar geometry in fractions of the tile, snapped to whole pixels so the edges stay crisp at 16 px. */
function bars(size: number): { bars: Bar[]; base: number } {
  const snap = (f: number): number => Math.round(f * size) / size;
  const base = snap(0.8);
  return {
    base,
    bars: [
      { x0: snap(0.19), x1: snap(0.35), top: snap(0.56), colour: WHITE },
      { x0: snap(0.42), x1: snap(0.58), top: snap(0.4), colour: WHITE },
      { x0: snap(0.65), x1: snap(0.81), top: snap(0.2), colour: GOLD },
    ],
  };
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Colour at a point of the unit tile, or null outside it (transparent). */
function colourAt(x: number, y: number, layout: { bars: Bar[]; base: number }): Rgba | null {
  if (!insideRoundedSquare(x, y, 0.2)) return null;
  for (const bar of layout.bars) {
    if (x >= bar.x0 && x < bar.x1 && y >= bar.top && y < layout.base) return bar.colour;
  }
  return TOP.map((c, i) => Math.round(c + (BOTTOM[i]! - c) * y)) as Rgba;
}

/** RGBA pixels, each the average of SUPERSAMPLE² samples (premultiplied, so edges don't darken). */
function render(size: number): Buffer {
  const layout = bars(size);
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
            layout,
          );
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const o = (py * size + px) * 4;
      const alpha = a / n;
      pixels[o] = a ? Math.round((r * 255) / a) : 0;
      pixels[o + 1] = a ? Math.round((g * 255) / a) : 0;
      pixels[o + 2] = a ? Math.round((b * 255) / a) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG: one IDAT, filter type 0 on every scanline. */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, '..', 'assets');
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
