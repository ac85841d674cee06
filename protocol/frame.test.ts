import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrame, serializeFrame } from './frame.ts';
import { findGift, suggestGifts, GIFT_CATALOG } from './gift-catalog.ts';
import { giftDiamonds, isCountableGift } from './events/gift.ts';

const samples: { event: string; data: Record<string, unknown> }[] = JSON.parse(
  readFileSync(new URL('./fixtures/tikfinity-samples.json', import.meta.url), 'utf8'),
);

describe('parseFrame', () => {
  it.each(samples.map((s, i) => [`${i}:${s.event}`, s] as const))('parses the real %s frame exactly', (_n, s) => {
    const res = parseFrame(JSON.stringify(s));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.frame.known).toBe(true);
    expect(res.frame.event).toBe(s.event);
    expect(res.frame.data).toEqual(s.data);
  });

  it('passes unknown events through untouched', () => {
    const res = parseFrame('{"event":"pollStart","data":{"x":1}}');
    expect(res).toEqual({ ok: true, frame: { known: false, event: 'pollStart', data: { x: 1 } } });
  });

  it('reports bad input without throwing', () => {
    expect(parseFrame('{nope')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid JSON/) });
    expect(parseFrame('[1]')).toEqual({ ok: false, error: 'frame is not a JSON object' });
    expect(parseFrame('{"data":{}}')).toEqual({ ok: false, error: 'frame has no string "event"' });
    expect(parseFrame(42)).toEqual({ ok: false, error: 'frame is not text' });
    const chat = structuredClone(samples[0]);
    (chat.data as Record<string, unknown>).comment = 5;
    expect(parseFrame(JSON.stringify(chat))).toEqual({
      ok: false,
      error: 'chat: comment: Invalid input: expected string, received number',
    });
  });

  it('serialises in TikFinity envelope order', () => {
    expect(serializeFrame('streamEnd', { action: 3 })).toBe('{"event":"streamEnd","data":{"action":3}}');
  });
});

describe('gift catalog', () => {
  it('holds the 116 real gifts; combo gifts are exactly type 1', () => {
    expect(GIFT_CATALOG).toHaveLength(116);
    for (const g of GIFT_CATALOG) expect(g.combo).toBe(g.type === 1);
  });
  it('finds by id or name and suggests near names', () => {
    expect(findGift(5655)?.name).toBe('Rose');
    expect(findGift('rose')?.id).toBe(5655);
    expect(suggestGifts('Lon')[0]).toBe('Lion');
  });
  it('counts a streak once, at repeatEnd', () => {
    expect(isCountableGift({ giftType: 1, repeatEnd: false })).toBe(false);
    expect(giftDiamonds({ giftType: 1, repeatEnd: true, diamondCount: 1, repeatCount: 7 })).toBe(7);
    expect(giftDiamonds({ giftType: 2, repeatEnd: false, diamondCount: 100, repeatCount: 1 })).toBe(100);
  });
});
