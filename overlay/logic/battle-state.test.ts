import { describe, expect, it } from 'vitest';
import { BattleState, RESULT_MS, STALE_MS, leaderOf } from './battle-state.ts';

const hosts = [
  { userId: '111', uniqueId: 'mia.live', nickname: 'Mia', profilePictureUrl: 'http://127.0.0.1/a.png' },
  { userId: '222', uniqueId: 'rex', nickname: '', profilePictureUrl: 'http://127.0.0.1/b.png' },
];

describe('BattleState', () => {
  it('starts a battle at 0 points, names a host without a nickname by uniqueId', () => {
    const b = new BattleState();
    const v = b.start(hosts, 0);
    expect(v).toMatchObject({ seq: 1, phase: 'live', leader: -1 });
    expect(v.sides.map((s) => [s.nickname, s.points])).toEqual([['Mia', 0], ['rex', 0]]);
  });

  it('moves points by host id, whatever the order of the armies, and follows the leader', () => {
    const b = new BattleState();
    b.start(hosts, 0);
    expect(b.armies(1, [{ hostUserId: '222', points: 18_450 }, { hostUserId: '111', points: 12_000 }], 10)).toBe(true);
    expect(b.view.sides.map((s) => s.points)).toEqual([12_000, 18_450]);
    expect(b.view.leader).toBe(1);
    expect(b.armies(1, [{ hostUserId: '111', points: 12_000 }, { hostUserId: '222', points: 18_450 }], 20)).toBe(false);
    b.armies(1, [{ hostUserId: '111', points: 18_450 }, { hostUserId: '222', points: 18_450 }], 30);
    expect(b.view.leader).toBe(-1);
  });

  it('ends on battleStatus 2 (TriggerReason battle end) with the result kept, then hides after a while', () => {
    const b = new BattleState();
    b.start(hosts, 0);
    b.armies(2, [{ hostUserId: '111', points: 40_210 }, { hostUserId: '222', points: 38_900 }], 1000);
    expect(b.view).toMatchObject({ phase: 'ended', leader: 0 });
    expect(b.tick(1000 + RESULT_MS - 1)).toBe(false);
    expect(b.tick(1000 + RESULT_MS + 1)).toBe(true);
    expect(b.view.phase).toBe('idle');
  });

  it('starts a battle of its own for armies it does not know (joined mid-battle)', () => {
    const b = new BattleState();
    b.armies(1, [{ hostUserId: '9', points: 300 }, { hostUserId: '8', points: 500 }], 0);
    expect(b.view.phase).toBe('live');
    expect(b.view.sides.map((s) => [s.userId, s.nickname, s.points])).toEqual([['9', 'Host', 300], ['8', 'Opponent', 500]]);
  });

  it('a battle with no frames for two minutes is over; finish() (punish finish, stream end) hides it at once', () => {
    const b = new BattleState();
    b.start(hosts, 0);
    expect(b.tick(STALE_MS + 1)).toBe(true);
    expect(b.view.phase).toBe('idle');
    b.start(hosts, 0);
    expect(b.view.seq).toBe(2);
    expect(b.finish()).toBe(true);
    expect(b.finish()).toBe(false);
  });

  it('keeps four sides at most and ignores points that are not numbers', () => {
    const b = new BattleState();
    const many = [1, 2, 3, 4, 5].map((i) => ({ userId: String(i), nickname: `h${i}` }));
    expect(b.start(many, 0).sides).toHaveLength(4);
    b.armies(1, [{ hostUserId: '1', points: Number.NaN }, { hostUserId: '2', points: 7.6 }], 1);
    expect(b.view.sides.map((s) => s.points)).toEqual([0, 8, 0, 0]);
  });
});

describe('leaderOf', () => {
  it('is the side with most points, -1 on a tie at the top or with no points', () => {
    expect(leaderOf([{ points: 0 }, { points: 0 }])).toBe(-1);
    expect(leaderOf([{ points: 5 }, { points: 9 }, { points: 9 }])).toBe(-1);
    expect(leaderOf([{ points: 5 }, { points: 9 }, { points: 2 }])).toBe(1);
  });
});
