import { describe, expect, it } from 'vitest';
import { envelopeBoxSchema, envelopeEmptySchema, eventSchemas, parseFrame } from '../../protocol/index.ts';
import { collect, makeEngine, SILENT, T0 } from '../generator-test-utils.ts';

// Real envelopes: coins 2 to 55, mostly 20; unpackAt in epoch seconds; mostly the streamer's; half empty (docs/REAL-DATA.md).
describe('envelope frames', () => {
  const e = makeEngine({ rates: { ...SILENT, envelope: 20, gift: 1 } });
  const frames = collect(e, T0 + 60_000);
  const envelopes = frames.filter((f) => f.event === 'envelope');
  const streamer = frames.find((f) => f.event === 'gift')!.data.receiverUserId;
  const boxes = envelopes.filter((f) => f.data.coins !== undefined);

  it('are half empty: no coins, no user, only the block TLC v1 builds from no user', () => {
    expect(envelopes.length).toBeGreaterThan(1000);
    const empty = envelopes.filter((f) => f.data.coins === undefined);
    expect(empty.length / envelopes.length).toBeGreaterThan(0.4);
    expect(empty.length / envelopes.length).toBeLessThan(0.6);
    for (const f of empty) {
      expect(envelopeEmptySchema.strict().safeParse(f.data).error).toBeUndefined();
      expect(f.text).toBe(
        '{"event":"envelope","data":{"profilePictureUrl":null,"userBadges":[],"userDetails":{},"isModerator":false,"isNewGifter":false,' +
          '"isSubscriber":false,"topGifterRank":0,"gifterLevel":0,"teamMemberLevel":0,"tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}',
      );
    }
  });

  it('hold 2 to 55 coins, mostly 20, open at an epoch-seconds time, come mostly from the streamer, carry no msgId', () => {
    const coins = boxes.map((f) => f.data.coins as number);
    expect(Math.min(...coins)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...coins)).toBeLessThanOrEqual(55);
    expect(coins.filter((c) => c === 20).length / coins.length).toBeGreaterThan(0.5);
    for (const f of boxes) {
      expect(envelopeBoxSchema.safeParse(f.data).error).toBeUndefined();
      expect(eventSchemas.envelope.safeParse(f.data).error).toBeUndefined();
      expect(parseFrame(f.text, { validate: true }).ok).toBe(true);
      const ts = f.data.timestamp as number;
      expect(ts).toBeGreaterThanOrEqual(Math.floor(T0 / 1000));
      expect(ts).toBeLessThanOrEqual(Math.floor((T0 + 60_000) / 1000) + 180);
      expect(f.data.canOpen as number).toBeLessThanOrEqual(f.data.coins as number);
      expect(f.data).not.toHaveProperty('msgId');
      expect(Object.keys(f.data).slice(-5)).toEqual(['coins', 'canOpen', 'timestamp', 'tikfinityUserId', 'tikfinityUsername']);
    }
    const fromStreamer = boxes.filter((f) => f.data.userId === streamer).length / boxes.length;
    expect(fromStreamer).toBeGreaterThan(0.7);
    expect(fromStreamer).toBeLessThan(0.9);
  });

  it('fired, are a box from the chosen viewer', () => {
    const f = makeEngine({ rates: SILENT });
    f.fire({ event: 'envelope', count: 5, user: { uniqueId: f.viewers('', 1)[0]!.uniqueId } }, T0 + 10);
    const got = collect(f, T0 + 2000).filter((x) => x.event === 'envelope');
    expect(got).toHaveLength(5);
    for (const x of got) expect(envelopeBoxSchema.safeParse(x.data).error).toBeUndefined();
    expect(new Set(got.map((x) => x.data.uniqueId)).size).toBe(1);
  });
});
