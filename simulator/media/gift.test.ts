import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GIFT_CATALOG } from '../../protocol/index.ts';
import { GIFT_ICONS } from './gift-icons.ts';
import { GIFT_SIZE, giftIcons, giftSvg, renderGift, renderGiftPng } from './gift.ts';

const set = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@iconify-json/fluent-emoji-flat/icons.json'), 'utf8')) as { icons: Record<string, unknown> };

describe('gift pictures', () => {
  it('draws each gift from its name: a lion for Lion, a rose for Rose, a planet for TikTok Universe', () => {
    expect(giftIcons('Lion')).toEqual(['lion']);
    expect(giftIcons('Rose')).toEqual(['rose']);
    expect(giftIcons('TikTok Universe')[0]).toBe('ringed-planet');
    expect(giftIcons('Leon and Lion')).toEqual(['lion', 'cat-face']);
    // The catalog spells one gift "Garland " with a trailing space.
    expect(giftIcons('Garland ')).toEqual(['rosette']);
  });

  it('names a picture for every gift of the catalog, and every picture named is in the icon set', () => {
    const unnamed = GIFT_CATALOG.filter((g) => !(g.name.trim() in GIFT_ICONS)).map((g) => g.name);
    expect(unnamed).toEqual([]);
    const missing = Object.values(GIFT_ICONS).flat().filter((n): n is string => !!n && n !== 'tiktok-note' && !(n in set.icons));
    expect(missing).toEqual([]);
  });

  it('renders every gift as a 128 px picture, the same bytes every time, with its emoji drawn in', () => {
    for (const g of GIFT_CATALOG) {
      const r = renderGift(g.id, g.diamondCount, g.name);
      expect([r.width, r.height], g.name).toEqual([GIFT_SIZE, GIFT_SIZE]);
      // The emoji covers a good part of the picture with opaque pixels.
      let opaque = 0;
      for (let i = 3; i < r.data.length; i += 4) if (r.data[i]! > 200) opaque++;
      expect(opaque, g.name).toBeGreaterThan(GIFT_SIZE * GIFT_SIZE * 0.08);
    }
    const lion = GIFT_CATALOG.find((g) => g.name === 'Lion')!;
    expect(renderGiftPng(lion.id, lion.diamondCount).equals(renderGiftPng(lion.id, lion.diamondCount))).toBe(true);
  });

  it('keeps two icons of one picture apart: each gets its own gradient ids', () => {
    const svg = giftSvg(7823, 34000, 'Leon and Lion');
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an unknown gift name gets a wrapped gift', () => {
    expect(giftIcons('Brand New Gift 2031')).toEqual(['wrapped-gift']);
  });
});
