import { describe, expect, it } from 'vitest';
import { Lru } from './lru.ts';

describe('Lru', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.entries]).toEqual([1, 3, 2]);
  });

  it('also bounds the total size', () => {
    const lru = new Lru<string, string>(10, (v) => v.length, 5);
    lru.set('a', 'xxx');
    lru.set('b', 'yyy');
    expect([lru.get('a'), lru.get('b')]).toEqual([undefined, 'yyy']);
  });

  it('rejects a bad capacity with a clear error', () => {
    expect(() => new Lru(0)).toThrow('LRU capacity must be a positive integer, got 0');
  });
});
