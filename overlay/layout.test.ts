import { describe, expect, it } from 'vitest';
import { PARTS, layoutFor } from './layout.ts';
import { inside, overlaps } from './logic/boxes.ts';

describe('layoutFor', () => {
  for (const [w, h] of [[1080, 1920], [1920, 1080]] as const) {
    it(`gives every part a region of its own inside the ${w}x${h} canvas`, () => {
      const L = layoutFor(w, h);
      const canvas = { x: 0, y: 0, w, h };
      for (const p of PARTS) expect(inside(L.regions[p], canvas), `${p} inside the canvas`).toBe(true);
      const clashes: string[] = [];
      for (let i = 0; i < PARTS.length; i++) {
        for (let j = i + 1; j < PARTS.length; j++) if (overlaps(L.regions[PARTS[i]!], L.regions[PARTS[j]!])) clashes.push(`${PARTS[i]} / ${PARTS[j]}`);
      }
      expect(clashes).toEqual([]);
    });

    it(`puts each part's anchor inside its region (${w}x${h})`, () => {
      const L = layoutFor(w, h);
      const at = (x: number, y: number) => ({ x, y, w: 0, h: 0 });
      expect(inside(at(L.gifts.x, L.gifts.y), L.regions.gifts)).toBe(true);
      expect(inside({ x: L.chat.x, y: L.chat.bottom - 1, w: L.chat.width, h: 1 }, L.regions.chat)).toBe(true);
      expect(inside(at(L.toasts.x, L.toasts.y), L.regions.toasts)).toBe(true);
      expect(inside(at(L.spotlight.x, L.spotlight.y), L.regions.spotlight)).toBe(true);
      expect(inside({ x: L.hearts.x - L.hearts.spread - 39, y: L.hearts.y - L.hearts.rise - 39, w: 2 * (L.hearts.spread + 39), h: L.hearts.rise + 78 }, L.regions.hearts)).toBe(true);
      const t = L.toasty;
      expect(inside({ x: t.x - t.size / 2 - 1, y: t.y - t.size / 2 - 1, w: w - (t.x - t.size / 2 - 1), h: t.size + 2 }, L.regions.toasty), 'face').toBe(true);
      const ls = t.labelScale * 1.05;
      expect(inside({ x: t.labelX - 170 * ls, y: t.labelY - 85 * ls, w: 340 * ls, h: 170 * ls }, L.regions.toasty), 'label').toBe(true);
    });
  }
});
