import { describe, expect, it } from 'vitest';
import { RingLog } from './ring-log.ts';

describe('RingLog', () => {
  it('keeps only the newest entries and returns them oldest first', () => {
    const log = new RingLog(3);
    for (let i = 0; i < 5; i++) log.push(i, 'chat', `t${i}`);
    expect(log.since(0).map((e) => e.text)).toEqual(['t2', 't3', 't4']);
    expect(log.since(4).map((e) => e.seq)).toEqual([5]);
    expect(log.since(5)).toEqual([]);
  });
  it('limits to the newest `limit` entries', () => {
    const log = new RingLog(10);
    for (let i = 0; i < 10; i++) log.push(i, 'like', `t${i}`);
    expect(log.since(0, 2).map((e) => e.text)).toEqual(['t8', 't9']);
  });
});

describe('RingLog memory', () => {
  it('cuts huge frames so the log stays small', () => {
    const log = new RingLog(2, 10);
    log.push(0, '(malformed)', 'x'.repeat(100));
    expect(log.since(0)[0].text).toBe(`${'x'.repeat(10)}… [90 more characters]`);
  });
});

describe('RingLog of frames given as bytes', () => {
  it('keeps the bytes as they are and reads them back as the same text, cut the same way', () => {
    const log = new RingLog(3, 10);
    log.push(1, 'chat', Buffer.from('{"c":"ção 😀"}', 'utf8'));
    log.push(2, 'chat', Buffer.from('é'.repeat(30), 'utf8'));
    log.push(3, 'chat', 'plain');
    expect(log.since(0).map((e) => [e.seq, e.at, e.event, e.text])).toEqual([
      [1, 1, 'chat', '{"c":"ção 😀"}'.slice(0, 10) + `… [${'{"c":"ção 😀"}'.length - 10} more characters]`],
      [2, 2, 'chat', `${'é'.repeat(10)}… [20 more characters]`],
      [3, 3, 'chat', 'plain'],
    ]);
    expect(Object.keys(log.since(0)[0]!).sort()).toEqual(['at', 'event', 'seq', 'text']);
  });
});
