/**
 * Stand-in profile pictures for `tiksim anonymize`: a small symmetric pattern in a disc, made from a hash, so an
 * anonymized recording still shows a distinct picture per viewer on replay without keeping anyone's real photo.
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

/** Side of a stand-in avatar, px. */
export const STAND_IN_SIZE = 40;

/** Renders the stand-in avatar for `seed` (any text, e.g. the stand-in URL) as PNG bytes; same seed, same bytes. */
export function renderStandInAvatar(seed: string): Buffer {
  const h = createHash('sha256').update(seed).digest();
  const size = STAND_IN_SIZE;
  const png = new PNG({ width: size, height: size });
  const hue = (h[0]! / 255) * 360;
  const fg = hsl(hue, 0.55, 0.45);
  const bg = hsl((hue + 180) % 360, 0.25, 0.88);
  // 5x5 cells mirrored left-right (3 free columns): 15 bits of the hash.
  const cell = (cx: number, cy: number): boolean => {
    const col = cx < 3 ? cx : 4 - cx;
    const bit = cy * 3 + col;
    return ((h[1 + (bit >> 3)]! >> (bit & 7)) & 1) === 1;
  };
  const r = size / 2;
  const pad = 6;
  const step = (size - 2 * pad) / 5;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const inDisc = (x + 0.5 - r) ** 2 + (y + 0.5 - r) ** 2 <= r * r;
      const gx = Math.floor((x - pad) / step);
      const gy = Math.floor((y - pad) / step);
      const on = gx >= 0 && gx < 5 && gy >= 0 && gy < 5 && cell(gx, gy);
      const c = on ? fg : bg;
      png.data[i] = c[0];
      png.data[i + 1] = c[1];
      png.data[i + 2] = c[2];
      png.data[i + 3] = inDisc ? 255 : 0;
    }
  }
  return PNG.sync.write(png, { deflateLevel: 9 });
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}
