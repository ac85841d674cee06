import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, makeEngine, SILENT, T0 } from './generator-test-utils.ts';

describe('fire()', () => {
  const e = makeEngine({ rates: SILENT });

  it('rejects an unknown gift with the nearest names', () => {
    const r = e.fire({ event: 'gift', data: { giftName: 'Lon' } }, T0);
    expect(r).toMatchObject({ ok: false, error: { status: 400, code: 'E_UNKNOWN_GIFT', field: 'data.giftName', message: 'unknown gift "Lon"; did you mean "Lion"?' } });
    if (!r.ok) expect(r.error.choices?.[0]).toBe('Lion');
  });

  it('rejects an unknown event with every event name as choices', () => {
    const r = e.fire({ event: 'chatt' }, T0);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_EVENT', field: 'event' } });
    if (!r.ok) {
      expect(r.error.message).toBe('unknown event "chatt"; valid events: chat, gift, like, member, roomUser, follow, share, subscribe, emote, envelope, questionNew, liveIntro, linkMicBattle, linkMicArmies, streamEnd, config, social');
      expect(r.error.choices).toContain('chat');
    }
  });

  it('names the limit for count and repeatCount and likeCount', () => {
    expect(e.fire({ event: 'chat', count: 5000 }, T0)).toMatchObject({ ok: false, error: { code: 'E_OUT_OF_RANGE', field: 'count', message: 'count must be between 1 and 1000, got 5000' } });
    expect(e.fire({ event: 'gift', data: { giftName: 'Rose', repeatCount: 0 } }, T0)).toMatchObject({ ok: false, error: { code: 'E_OUT_OF_RANGE', message: 'data.repeatCount must be between 1 and 1000, got 0' } });
    expect(e.fire({ event: 'like', data: { likeCount: 20 } }, T0)).toMatchObject({
      ok: false,
      error: { code: 'E_OUT_OF_RANGE', message: 'data.likeCount must be between 1 and 15 (TikTok batches at most 15 likes per event; use count for more), got 20' },
    });
  });

  it('names a field of the wrong type', () => {
    const r = e.fire({ event: 'chat', data: { comment: 5 } }, T0);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_BAD_FIELD', field: 'data.comment' } });
    if (!r.ok) expect(r.error.message).toMatch(/^data\.comment: /);
    expect(e.fire({ event: 'chat', data: { commnet: 'x' } }, T0)).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_FIELD', field: 'data.commnet' } });
  });

  it('rejects an unknown viewer with suggestions, and pins overrides on a viewer', () => {
    const e2 = makeEngine({ rates: SILENT });
    const v = e2.viewers('', 3)[2];
    const r = e2.fire({ event: 'chat', user: { uniqueId: `${v.uniqueId}x` } }, T0);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_USER', field: 'user.uniqueId' } });
    expect(e2.fire({ event: 'chat', data: { comment: 'hi' }, user: { uniqueId: v.uniqueId, isModerator: true, nickname: 'Boss' } }, T0)).toMatchObject({ ok: true });
    expect(e2.fire({ event: 'like', user: { uniqueId: v.uniqueId } }, T0 + 1)).toMatchObject({ ok: true });
    const frames = collect(e2, T0 + 100).filter((f) => f.event !== 'roomUser');
    expect(frames.map((f) => [f.data.uniqueId, f.data.isModerator, f.data.nickname])).toEqual([
      [v.uniqueId, true, 'Boss'],
      [v.uniqueId, true, 'Boss'],
    ]);
  });

  it('creates fresh viewers and uses face viewers on request', () => {
    const e3 = makeEngine({ rates: SILENT });
    e3.fire({ event: 'member', user: { new: true } }, T0);
    e3.fire({ event: 'chat', user: { face: 1 } }, T0);
    const [m, c] = collect(e3, T0 + 10).filter((f) => f.event !== 'roomUser');
    expect(m.data.profilePictureUrl).toBe('http://127.0.0.1:21213/media/avatar/500.png');
    expect(c.data.profilePictureUrl).toBe('http://127.0.0.1:21213/media/face/1.png');
  });

  it('never throws on arbitrary JSON', () => {
    const e4 = makeEngine({ rates: SILENT });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ event: fc.constantFrom('chat', 'gift', 'like', 'x'), data: fc.jsonValue(), user: fc.jsonValue(), count: fc.jsonValue() }, { requiredKeys: [] })), (body) => {
        const r = e4.fire(body, T0);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
