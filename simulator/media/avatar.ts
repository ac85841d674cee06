import { hash32, hsl, rng, white } from './color.ts';
import { Raster, boxAround, circle, regular, ring, roundRect, star, type Rgba, type Sdf } from './raster.ts';

/** Side of a generated avatar, px. */
export const AVATAR_SIZE = 200;

/** Rotates a shape by `a` radians about (cx, cy). */
function rotated(s: Sdf, cx: number, cy: number, a: number): Sdf {
  const c = Math.cos(-a), sn = Math.sin(-a);
  return (x, y) => s(cx + (x - cx) * c - (y - cy) * sn, cy + (x - cx) * sn + (y - cy) * c);
}

/**
 * A viewer's avatar: a diagonal two-hue gradient, soft bokeh dots and an asymmetric "sticker" of a big rotated tile,
 * an overlapping disc and a small star, all chosen by a hash of (index, variant). Deliberately face-free: an earlier
 * mirrored identicon on a white disc was taken for a face by BlazeFace (scores up to 0.8), so no symmetric dark
 * spots on a light round field here (checked over 40 avatars in e2e/face.spec.ts).
 */
export function renderAvatar(index: number, variant = 1): Raster {
  const S = AVATAR_SIZE;
  const h = hash32(`avatar:${index}:${variant}`);
  const rand = rng(h);
  const hue = h % 360;
  const hue2 = hue + 40 + rand() * 60;
  const r = new Raster(S, S);
  r.fillLinear(0, 0, S, S, hsl(hue, 0.65, 0.62), hsl(hue2, 0.7, 0.42));
  for (let k = 0; k < 3; k++) {
    const cx = rand() * S, cy = rand() * S, rr = 20 + rand() * 28;
    r.fill(circle(cx, cy, rr), white(0.08 + rand() * 0.08), boxAround(cx, cy, rr));
  }
  const angle = (rand() - 0.5) * 0.9;
  const tx = 88 + rand() * 12, ty = 92 + rand() * 12, side = 84 + rand() * 16;
  const tile = rotated(roundRect(tx - side / 2, ty - side / 2, side, side, 18), tx, ty, angle);
  const tileBox = boxAround(tx, ty, side * 0.75);
  // Tile and its white border in one pass (the rotated distance is the costly part): inside the border's inner edge
  // the tile colour, then the border, anti-aliased on both edges.
  const fillC = hsl(hue + 180 + rand() * 40, 0.55, 0.6), border = white(0.9);
  const mixed: Rgba = { ...fillC };
  r.fill((x, y) => tile(x, y) - 2.5, (x, y) => {
    const t = Math.max(0, Math.min(1, tile(x, y) + 3));
    if (t === 0) return fillC;
    if (t === 1) return border;
    mixed.r = fillC.r + (border.r - fillC.r) * t; mixed.g = fillC.g + (border.g - fillC.g) * t; mixed.b = fillC.b + (border.b - fillC.b) * t;
    mixed.a = fillC.a + (border.a - fillC.a) * t;
    return mixed;
  }, tileBox);
  const dx = 128 + rand() * 16, dy = 60 + rand() * 16, dr = 26 + rand() * 8;
  r.fill(circle(dx, dy, dr), hsl(hue2 + 90, 0.65, 0.58, 0.92), boxAround(dx, dy, dr));
  r.fill(ring(dx, dy, dr, 4), white(0.85), boxAround(dx, dy, dr + 3));
  const sx = 60 + rand() * 16, sy = 138 + rand() * 12, sr = 16 + rand() * 6;
  const small = rand() < 0.5 ? star(sx, sy, 5, sr, sr * 0.5, rand()) : regular(sx, sy, 3, sr, rand());
  r.fill(small, white(0.92), boxAround(sx, sy, sr));
  return r;
}
