import { describe, expect, it } from 'vitest';
import { AlertQueue } from './alert-queue.ts';

describe('AlertQueue', () => {
  it('routes streak updates to the alert holding them, queued or taken', () => {
    const q = new AlertQueue<string>();
    q.push('k1', 'u1', 5655, 1, 1, false, 'rose');
    q.update('k1', 4, false);
    const a = q.take()!;
    expect(a.count).toBe(4);
    q.update('k1', 6, true);
    expect(a).toMatchObject({ count: 6, settled: true });
    expect(q.update('k1', 7, true)).toBeUndefined();
  });

  it('merges a backed-up sender\'s new streaks of the same gift instead of queueing them', () => {
    const q = new AlertQueue<string>({ mergeAt: 2, max: 5 });
    q.push('a', 'u1', 1, 1, 1, false, 'x');
    q.push('b', 'u2', 2, 1, 1, true, 'x');
    const r = q.push('c', 'u1', 1, 1, 3, false, 'x');
    expect(r.kind).toBe('merged');
    expect(q.length).toBe(2);
    q.update('a', 2, true);
    q.update('c', 5, true);
    expect(q.peek()[0]).toMatchObject({ count: 7, groups: 2, others: 0, settled: true });
  });

  it('never grows past max: same gift from anyone merges, then the cheapest gives way', () => {
    const q = new AlertQueue<string>({ mergeAt: 2, max: 3 });
    for (let i = 0; i < 3; i++) q.push(`k${i}`, `u${i}`, 100 + i, 1, 1, true, 'x');
    expect(q.push('k9', 'u9', 101, 1, 2, true, 'x')).toMatchObject({ kind: 'merged' });
    expect(q.peek()[1]).toMatchObject({ count: 3, others: 1 });
    expect(q.push('big', 'u7', 999, 500, 1, true, 'x').kind).toBe('queued');
    expect(q.length).toBe(3);
    expect(q.dropped).toBe(1);
    expect(q.push('tiny', 'u8', 555, 1, 1, true, 'x')).toEqual({ kind: 'dropped', key: 'tiny' });
    for (let i = 0; i < 1000; i++) q.push(`s${i}`, `v${i}`, 2000 + i, 1, 1, false, 'x');
    expect(q.length).toBe(3);
  });

  it('speeds up as the queue fills and takes only ready alerts', () => {
    const q = new AlertQueue<string>({ max: 4, mergeAt: 10 });
    expect(q.speed()).toBe(1);
    q.push('a', 'u', 1, 1, 1, true, 'notready');
    q.push('b', 'u', 2, 1, 1, true, 'ready');
    expect(q.speed()).toBe(2);
    expect(q.take((a) => a.payload === 'ready')?.key).toBe('b');
    expect(q.length).toBe(1);
  });
});
