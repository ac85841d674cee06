import { hash32, hsl, rng, white } from './color.ts';
import {
  Raster, boxAround, circle, heart, intersect, linear, polygon, regular, ring, star, stroke, union, type Sdf,
} from './raster.ts';

/** Side of a generated gift icon, px. */
export const GIFT_SIZE = 128;

/** Icon shapes a gift can get. */
const SHAPES = ['star', 'heart', 'gem', 'flower', 'coin', 'hexagon', 'burst', 'crown'] as const;

/** Size tier by diamond value: 0 (1-9) .. 4 (10,000+). */
export function giftTier(diamonds: number): number {
  return diamonds >= 10000 ? 4 : diamonds >= 1000 ? 3 : diamonds >= 100 ? 2 : diamonds >= 10 ? 1 : 0;
}

function shapeSdf(kind: (typeof SHAPES)[number], c: number, r: number, rot: number): Sdf {
  switch (kind) {
    case 'star': return star(c, c, 5, r, r * 0.48, rot * 0.2);
    case 'heart': return heart(c, c - r * 0.05, r * 0.9);
    case 'gem': return polygon([[c - r, c - r * 0.3], [c - r * 0.5, c - r * 0.8], [c + r * 0.5, c - r * 0.8], [c + r, c - r * 0.3], [c, c + r * 0.9]]);
    case 'flower': {
      const petals: Sdf[] = [];
      for (let i = 0; i < 6; i++) {
        const a = rot + (i * Math.PI) / 3;
        petals.push(circle(c + Math.cos(a) * r * 0.55, c + Math.sin(a) * r * 0.55, r * 0.45));
      }
      return union(...petals, circle(c, c, r * 0.4));
    }
    case 'coin': return circle(c, c, r * 0.92);
    case 'hexagon': return regular(c, c, 6, r, Math.PI / 6);
    case 'burst': return star(c, c, 12, r, r * 0.72, rot);
    case 'crown': return polygon([
      [c - r, c - r * 0.55], [c - r * 0.45, c - r * 0.05], [c, c - r * 0.8], [c + r * 0.45, c - r * 0.05], [c + r, c - r * 0.55],
      [c + r * 0.8, c + r * 0.7], [c - r * 0.8, c + r * 0.7],
    ]);
  }
}

/**
 * A gift's icon on a transparent background: a shape and two hues from a hash of the id, bigger and with
 * glow, halo and sparkles as the gift gets more valuable.
 */
export function renderGift(id: number, diamonds: number): Raster {
  const S = GIFT_SIZE, c = S / 2;
  const h = hash32(`gift:${id}`);
  const rand = rng(h);
  const tier = giftTier(diamonds);
  const kind = SHAPES[h % SHAPES.length];
  const hue = (h >>> 8) % 360;
  const hue2 = hue + 25 + rand() * 35;
  const radius = 28 + tier * 4;
  const rot = rand() * Math.PI;
  const r = new Raster(S, S);
  if (tier >= 2) r.glow(c, c, radius * 0.5, radius * 1.4, hsl(hue, 1, 0.65, 0.35 + tier * 0.1));
  if (tier >= 4) r.fill(ring(c, c, radius + 8, 3), hsl(hue2, 1, 0.75, 0.8), boxAround(c, c, radius + 11));
  const shape = shapeSdf(kind, c, radius, rot);
  const box = boxAround(c, c, radius + 4);
  r.fill((x, y) => shape(x - 2, y - 3), { r: 0, g: 0, b: 0, a: 0.25 }, { ...box, x1: box.x1 + 3, y1: box.y1 + 4 });
  r.fill(shape, linear(c - radius, c - radius, c + radius, c + radius, hsl(hue, 0.85, 0.68), hsl(hue2, 0.9, 0.4)), box);
  if (kind === 'flower') r.fill(circle(c, c, radius * 0.32), linear(c, c - 12, c, c + 12, hsl(hue + 180, 0.9, 0.75), hsl(hue + 160, 0.9, 0.5)), box);
  if (kind === 'coin') {
    r.fill(ring(c, c, radius * 0.72, 3), white(0.55), box);
    r.fill(star(c, c, 5, radius * 0.45, radius * 0.2), white(0.85), box);
  }
  if (kind === 'gem') r.fill(stroke(polygon([[c - radius * 0.5, c - radius * 0.3], [c + radius * 0.5, c - radius * 0.3], [c, c + radius * 0.9]]), 1.5), white(0.45), box);
  r.fill(stroke(shape, 2.5), hsl(hue2, 0.9, 0.25, 0.9), box);
  r.fill(intersect(shape, circle(c - radius * 0.35, c - radius * 0.45, radius * 0.45)), white(0.28), box);
  if (tier >= 3) {
    for (let k = 0; k < 3 + tier; k++) {
      const a = rand() * Math.PI * 2, d = radius * (0.95 + rand() * 0.3), s = 4 + rand() * 4;
      const sx = c + Math.cos(a) * d, sy = c + Math.sin(a) * d;
      r.fill(star(sx, sy, 4, s, s * 0.3), white(0.95), boxAround(sx, sy, s));
    }
  }
  return r;
}
