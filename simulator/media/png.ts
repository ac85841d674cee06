import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import type { Raster } from './raster.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC of type+data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes a raster as PNG bytes (8-bit RGBA, or RGB when `opaque`), "sub" filter on every row, zlib level 3 (level 6 doubled the time for 15% fewer bytes).
 * Same raster, same bytes. Hand-rolled because pngjs's JS filtering took ~2.5 ms per 200x200 avatar; this takes well under 1 ms.
 */
export function encodePng(r: Raster, opaque = false): Buffer {
  const bpp = opaque ? 3 : 4;
  const stride = r.width * bpp + 1;
  const raw = Buffer.alloc(stride * r.height);
  const d = r.data;
  for (let y = 0; y < r.height; y++) {
    const row = y * stride;
    raw[row] = 1; // filter type Sub: each byte minus the same channel of the pixel to its left
    let src = y * r.width * 4;
    let prev0 = 0, prev1 = 0, prev2 = 0, prev3 = 0;
    for (let x = 0, o = row + 1; x < r.width; x++, src += 4) {
      const c0 = d[src], c1 = d[src + 1], c2 = d[src + 2];
      raw[o++] = (c0 - prev0) & 255;
      raw[o++] = (c1 - prev1) & 255;
      raw[o++] = (c2 - prev2) & 255;
      prev0 = c0; prev1 = c1; prev2 = c2;
      if (!opaque) {
        const c3 = d[src + 3];
        raw[o++] = (c3 - prev3) & 255;
        prev3 = c3;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(r.width, 0);
  ihdr.writeUInt32BE(r.height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = opaque ? 2 : 6; // colour type: RGB or RGBA
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Decodes PNG bytes to RGBA pixels. Throws on bytes that are not a valid PNG. */
export function decodePng(bytes: Buffer): { width: number; height: number; data: Buffer } {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}
