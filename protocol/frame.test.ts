import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrame, serializeFrame } from './frame.ts';
import { EVENT_NAMES, isEventName } from './names.ts';
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

  it('holds a like to 1 to 15 likes, as TikTok batches them', () => {
    const like = samples.find((x) => x.event === 'like')!;
    const withCount = (likeCount: unknown) => parseFrame(JSON.stringify({ event: 'like', data: { ...like.data, likeCount } }));
    expect(withCount(1).ok).toBe(true);
    expect(withCount(15).ok).toBe(true);
    for (const n of [16, 0, 1.5, -1]) expect(withCount(n)).toMatchObject({ ok: false, error: expect.stringMatching(/^like: likeCount: /) });
  });

  it('without validation, still refuses a known event whose data is not an object', () => {
    expect(parseFrame('{"event":"chat","data":null}', { validate: false })).toEqual({ ok: false, error: 'chat: "data" is not an object' });
    expect(parseFrame('{"event":"gift","data":7}', { validate: false })).toEqual({ ok: false, error: 'gift: "data" is not an object' });
    expect(parseFrame('{"event":"chat","data":{"comment":5}}', { validate: false })).toEqual({ ok: true, frame: { known: true, event: 'chat', data: { comment: 5 } } });
  });

  it('serialises in TikFinity envelope order', () => {
    expect(serializeFrame('streamEnd', { action: 3 })).toBe('{"event":"streamEnd","data":{"action":3}}');
  });
});

/** What parseFrame must answer for `input`, worked out without it: the oracle of the properties below. */
function expectedShape(input: unknown): { ok: false; error: string | RegExp } | { ok: true; known: boolean; event: string } | { known: true; event: string } {
  if (typeof input !== 'string') return { ok: false, error: 'frame is not text' };
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch {
    return { ok: false, error: /^invalid JSON: / };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'frame is not a JSON object' };
  const event = (raw as { event?: unknown }).event;
  if (typeof event !== 'string') return { ok: false, error: 'frame has no string "event"' };
  if (!isEventName(event)) return { ok: true, known: false, event };
  // A known event either validates or fails naming itself; which one depends on the schema.
  return { known: true, event };
}

function checkAgainstOracle(input: unknown, validate: boolean): void {
  let res: ReturnType<typeof parseFrame>;
  try {
    res = parseFrame(input, { validate });
  } catch (e) {
    throw new Error(`parseFrame threw on ${JSON.stringify(input)?.slice(0, 200)}: ${(e as Error).message}`);
  }
  const want = expectedShape(input);
  if ('ok' in want && !want.ok) {
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(want.error);
    return;
  }
  if ('ok' in want) {
    expect(res).toEqual({ ok: true, frame: { known: false, event: want.event, data: (JSON.parse(input as string) as { data?: unknown }).data } });
    return;
  }
  if (!validate) {
    // Without validation only the envelope is checked: data must be an object, and is handed on as parsed.
    const data = (JSON.parse(input as string) as { data?: unknown }).data;
    if (data === null || typeof data !== 'object') expect(res).toEqual({ ok: false, error: `${want.event}: "data" is not an object` });
    else expect(res).toEqual({ ok: true, frame: { known: true, event: want.event, data } });
    return;
  }
  if (res.ok) {
    expect(res.frame).toMatchObject({ known: true, event: want.event });
  } else {
    expect(typeof res.error).toBe('string');
    expect(res.error.startsWith(`${want.event}: `)).toBe(true);
  }
}

/** Any JSON value, and objects shaped like frames whose `event` and `data` are anything (null, arrays, numbers...). */
const anyJson = fc.jsonValue({ maxDepth: 4 });
const frameLike = fc.record(
  {
    event: fc.oneof(fc.constantFrom(...EVENT_NAMES), fc.string({ maxLength: 12 }), anyJson),
    data: fc.oneof(anyJson, fc.constant(null), fc.array(anyJson, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 4 })),
    extra: anyJson,
  },
  { requiredKeys: [] },
);
/** A real sample with one field (at any depth) replaced by an arbitrary JSON value, or removed. */
const damagedSample = fc
  .tuple(fc.nat(samples.length - 1), fc.nat(), anyJson, fc.boolean())
  .map(([i, pick, value, remove]) => {
    const s = structuredClone(samples[i]!) as unknown as Record<string, unknown>;
    const holders: Array<Record<string, unknown> | unknown[]> = [];
    const walk = (v: unknown): void => {
      if (v && typeof v === 'object') {
        holders.push(v as Record<string, unknown>);
        for (const c of Object.values(v)) walk(c);
      }
    };
    walk(s);
    const h = holders[pick % holders.length]!;
    const keys = Object.keys(h);
    if (keys.length === 0) return s;
    const k = keys[pick % keys.length]!;
    if (remove && !Array.isArray(h)) delete (h as Record<string, unknown>)[k];
    else (h as Record<string, unknown>)[k] = value;
    return s;
  });

describe('parseFrame never throws (properties)', () => {
  const runs = { numRuns: 2000 };
  it('on any JSON value, frame-shaped objects with odd event/data, and damaged real samples, both with and without validation', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, frameLike, damagedSample), fc.boolean(), (v, validate) => checkAgainstOracle(JSON.stringify(v), validate)),
      runs,
    );
  });

  it('on any string: JSON or not, any Unicode, lone surrogates', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80, unit: 'binary' }), fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'n', 'u', 'l', '0', 'e', '\\') })),
        fc.boolean(),
        (s, validate) => checkAgainstOracle(s, validate),
      ),
      runs,
    );
  });

  it('on any value that is not text', () => {
    fc.assert(fc.property(fc.anything(), (v) => checkAgainstOracle(v, true)), { numRuns: 500 });
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
    expect(findGift('LION')?.name).toBe('Lion');
    expect(findGift(' Rose ')?.id).toBe(5655);
    expect(findGift('5655')?.name).toBe('Rose');
    expect(suggestGifts('Lon')[0]).toBe('Lion');
  });
  it('counts a streak once, at repeatEnd', () => {
    expect(isCountableGift({ giftType: 1, repeatEnd: false })).toBe(false);
    expect(giftDiamonds({ giftType: 1, repeatEnd: true, diamondCount: 1, repeatCount: 7 })).toBe(7);
    expect(giftDiamonds({ giftType: 2, repeatEnd: false, diamondCount: 100, repeatCount: 1 })).toBe(100);
  });
  it('counts every gift that is not type 1 at once, whatever its type (the catalog has type 4 too)', () => {
    const types = [...new Set(GIFT_CATALOG.map((g) => g.type))].sort((a, b) => a - b);
    expect(types.filter((t) => t !== 1 && t !== 2).length).toBeGreaterThan(0);
    for (const giftType of types) {
      expect(isCountableGift({ giftType, repeatEnd: false }), `type ${giftType}`).toBe(giftType !== 1);
      expect(isCountableGift({ giftType, repeatEnd: true }), `type ${giftType}`).toBe(true);
    }
    const four = GIFT_CATALOG.find((g) => g.type === 4)!;
    expect(giftDiamonds({ giftType: 4, repeatEnd: false, diamondCount: four.diamondCount, repeatCount: 1 })).toBe(four.diamondCount);
  });
});
