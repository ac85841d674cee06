import { describe, expect, it } from 'vitest';
import { StreakTracker, type StreakGift } from './streaks.ts';

const rose = (o: Partial<StreakGift> = {}): StreakGift => ({
  userId: 'u1', groupId: 'g1', giftId: 5655, giftType: 1, repeatCount: 1, repeatEnd: false, diamondCount: 1, msgId: 'm', ...o,
});

describe('StreakTracker', () => {
  it('counts a streak once, at repeatEnd', () => {
    const t = new StreakTracker();
    expect(t.onGift(rose({ repeatCount: 1 }), 0)).toMatchObject({ kind: 'start', count: 1, diamonds: 0, settled: false });
    expect(t.onGift(rose({ repeatCount: 2 }), 700)).toEqual({ kind: 'update', key: 'u1|g1|5655', count: 2 });
    expect(t.onGift(rose({ repeatCount: 3 }), 1400)).toMatchObject({ kind: 'update', count: 3 });
    expect(t.onGift(rose({ repeatCount: 3, repeatEnd: true }), 5000)).toMatchObject({ kind: 'settle', count: 3, diamonds: 3, reason: 'end' });
    expect(t.onGift(rose({ repeatCount: 3, repeatEnd: true }), 5100)).toMatchObject({ kind: 'ignored', reason: 'late' });
    expect(t.tick(20_000)).toEqual([]);
  });

  it('settles after 5 s without repeatEnd and ignores the late repeatEnd', () => {
    const t = new StreakTracker();
    t.onGift(rose({ repeatCount: 1 }), 0);
    t.onGift(rose({ repeatCount: 4 }), 1000);
    expect(t.tick(5999)).toEqual([]);
    expect(t.tick(6000)).toEqual([{ kind: 'settle', key: 'u1|g1|5655', count: 4, diamonds: 4, reason: 'timeout' }]);
    expect(t.onGift(rose({ repeatCount: 4, repeatEnd: true }), 6500)).toMatchObject({ kind: 'ignored', reason: 'late' });
    expect(t.active).toBe(0);
  });

  it('counts a non-streak gift immediately, each message once', () => {
    const t = new StreakTracker();
    const lion = rose({ giftType: 2, giftId: 6369, diamondCount: 100, msgId: 'a' });
    expect(t.onGift(lion, 0)).toMatchObject({ kind: 'start', settled: true, diamonds: 100 });
    expect(t.onGift(lion, 10)).toMatchObject({ kind: 'ignored', reason: 'duplicate' });
    expect(t.onGift({ ...lion, msgId: 'b' }, 20)).toMatchObject({ kind: 'start', diamonds: 100 });
  });

  it('keeps the highest count when frames arrive out of order, and a lone repeatEnd counts once', () => {
    const t = new StreakTracker();
    t.onGift(rose({ repeatCount: 5 }), 0);
    expect(t.onGift(rose({ repeatCount: 3 }), 10)).toMatchObject({ count: 5 });
    expect(t.onGift(rose({ groupId: 'g2', repeatCount: 7, repeatEnd: true }), 0)).toMatchObject({ kind: 'start', settled: true, diamonds: 7 });
  });

  it('separates users sharing a groupId and forgets old keys beyond its memory', () => {
    const t = new StreakTracker({ remember: 2 });
    t.onGift(rose({ repeatEnd: true }), 0);
    expect(t.onGift(rose({ userId: 'u2', repeatEnd: true }), 0)).toMatchObject({ kind: 'start', diamonds: 1 });
    t.onGift(rose({ groupId: 'x', repeatEnd: true }), 0);
    expect(t.onGift(rose({ repeatEnd: true }), 0)).toMatchObject({ kind: 'start' });
  });

  it('every type but 1 counts at once: the catalog\'s type-4 gifts (and type 2) are no streaks', () => {
    for (const giftType of [2, 4]) {
      const t = new StreakTracker();
      const g = rose({ giftType, giftId: 7934, diamondCount: 199, msgId: `t${giftType}`, repeatCount: 1 });
      expect(t.onGift(g, 0), `type ${giftType}`).toMatchObject({ kind: 'start', settled: true, diamonds: 199 });
      expect(t.active, `type ${giftType}`).toBe(0);
      expect(t.tick(10_000), `type ${giftType}`).toEqual([]);
    }
  });

  it('two type-4 gifts from one viewer in one group are two gifts (keyed by message, not as a streak)', () => {
    const t = new StreakTracker();
    const heart = rose({ giftType: 4, giftId: 7934, diamondCount: 199, groupId: 'g9' });
    expect(t.onGift({ ...heart, msgId: 'h1' }, 0)).toMatchObject({ kind: 'start', diamonds: 199 });
    expect(t.onGift({ ...heart, msgId: 'h2' }, 10)).toMatchObject({ kind: 'start', diamonds: 199 });
    expect(t.onGift({ ...heart, msgId: 'h2' }, 20)).toMatchObject({ kind: 'ignored', reason: 'duplicate' });
  });
});
