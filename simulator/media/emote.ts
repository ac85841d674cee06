import { hsl, white } from './color.ts';
import { Raster, boxAround, circle, heart, linear, polygon, regular, ring, star, union, roundRect, type Sdf } from './raster.ts';

/** Number of emotes served (/media/emote/0..7.png). */
export const EMOTE_COUNT = 8;
/** Side of an emote, px. */
export const EMOTE_SIZE = 96;

function symbol(n: number, c: number, s: number): Sdf {
  switch (n) {
    case 0: return heart(c, c - s * 0.05, s * 0.85);
    case 1: return star(c, c, 5, s, s * 0.45);
    case 2: return polygon([[c, c - s], [c + s * 0.75, c], [c, c + s], [c - s * 0.75, c]]);
    case 3: return polygon([[c + s * 0.2, c - s], [c - s * 0.6, c + s * 0.15], [c - s * 0.05, c + s * 0.15], [c - s * 0.25, c + s], [c + s * 0.6, c - s * 0.2], [c + s * 0.05, c - s * 0.2]]);
    case 4: return union(roundRect(c - s * 0.25, c - s, s * 0.5, s * 2, 5), roundRect(c - s, c - s * 0.25, s * 2, s * 0.5, 5));
    case 5: return ring(c, c, s * 0.7, s * 0.35);
    case 6: return polygon([[c - s * 0.55, c - s * 0.85], [c + s * 0.85, c], [c - s * 0.55, c + s * 0.85]]);
    default: return regular(c, c, 6, s, 0);
  }
}

/** Emote `n` (0..7): a glossy coloured disc with a white symbol (heart, star, gem, bolt, plus, ring, play, hexagon). */
export function renderEmote(n: number): Raster {
  const S = EMOTE_SIZE, c = S / 2, rad = S / 2 - 4;
  const hue = (n * 47 + 330) % 360;
  const r = new Raster(S, S);
  r.fill(circle(c, c, rad), linear(0, 0, 0, S, hsl(hue, 0.85, 0.62), hsl(hue + 20, 0.85, 0.42)), boxAround(c, c, rad));
  r.fill(ring(c, c, rad - 1.5, 3), hsl(hue + 20, 0.8, 0.3, 0.8), boxAround(c, c, rad));
  r.fill(symbol(n, c, rad * 0.55), white(0.96), boxAround(c, c, rad));
  return r;
}
