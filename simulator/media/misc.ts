import { hsl, white } from './color.ts';
import { Raster, boxAround, circle, linear, polygon, ring, star } from './raster.ts';

/** The "top gifter" badge (64x64): a gold medal with a white crown. */
export function renderTopGifterBadge(): Raster {
  const S = 64, c = S / 2;
  const r = new Raster(S, S);
  r.fill(circle(c, c, 29), linear(0, 0, S, S, hsl(48, 1, 0.62), hsl(32, 0.95, 0.42)), boxAround(c, c, 29));
  r.fill(ring(c, c, 27.5, 3), hsl(30, 0.9, 0.3, 0.9), boxAround(c, c, 30));
  r.fill(polygon([[c - 15, c - 7], [c - 8, c + 1], [c, c - 12], [c + 8, c + 1], [c + 15, c - 7], [c + 12, c + 11], [c - 12, c + 11]]), white(0.97));
  r.fill(star(c, c + 19.5, 5, 4, 1.8), white(0.9), boxAround(c, c + 19.5, 4));
  return r;
}

/** The subscriber badge (64x64): a violet shield with a white star, the simulator's stand-in for TikTok's sub badge. */
export function renderSubscriberBadge(): Raster {
  const S = 64, c = S / 2;
  const r = new Raster(S, S);
  r.fill(polygon([[c - 24, 8], [c + 24, 8], [c + 24, 34], [c, 58], [c - 24, 34]]), linear(0, 0, S, S, hsl(276, 0.85, 0.66), hsl(262, 0.8, 0.42)));
  r.fill(star(c, 30, 5, 14, 6), white(0.95), boxAround(c, 30, 15));
  return r;
}

/** Stand-in picture (200x200, opaque) for replayed media that was never captured: grey card, ring and slash. */
export function renderPlaceholder(): Raster {
  const S = 200, c = S / 2;
  const r = new Raster(S, S);
  r.fillLinear(0, 0, S, S, hsl(220, 0.12, 0.72), hsl(220, 0.14, 0.5));
  r.fill(ring(c, c, 48, 10), white(0.75), boxAround(c, c, 54));
  const k = 62 / Math.SQRT2, n = 5 / Math.SQRT2;
  r.fill(polygon([[c - k - n, c + k - n], [c + k - n, c - k - n], [c + k + n, c - k + n], [c - k + n, c + k + n]]), white(0.75));
  return r;
}
