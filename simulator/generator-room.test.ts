import { describe, expect, it } from 'vitest';
import { RoomState, TOP_VIEWER_COUNT } from './generator-room.ts';

describe('RoomState leaderboard', () => {
  it('sorts by coins, highest first; equal coins go to the lower viewer index, whatever order they came in', () => {
    const room = new RoomState(100, 0);
    room.credit(7, 50);
    room.credit(3, 50);
    room.credit(9, 80);
    room.credit(5, 50);
    expect(room.topList().map((e) => [e.index, e.coins])).toEqual([
      [9, 80],
      [3, 50],
      [5, 50],
      [7, 50],
    ]);
  });

  it(`keeps the top ${TOP_VIEWER_COUNT}: a newcomer tied with the last place gets in only with a lower index`, () => {
    const room = new RoomState(100, 0);
    for (let i = 10; i < 10 + TOP_VIEWER_COUNT; i++) room.credit(i, 10);
    room.credit(50, 10);
    expect(room.topList().map((e) => e.index)).not.toContain(50);
    room.credit(2, 10);
    expect(room.topList()).toHaveLength(TOP_VIEWER_COUNT);
    expect(room.topList()[0]!.index).toBe(2);
    expect(room.topList().map((e) => e.index)).not.toContain(10 + TOP_VIEWER_COUNT - 1);
  });
});
