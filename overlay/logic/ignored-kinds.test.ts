import { describe, expect, it } from 'vitest';
import { IgnoredKinds } from './ignored-kinds.ts';

describe('IgnoredKinds', () => {
  it('counts every frame of a kind and notes the kind once', () => {
    const counts: Record<string, number> = {};
    const notes: string[] = [];
    const k = new IgnoredKinds(counts, (m) => notes.push(m));
    for (let i = 0; i < 500; i++) k.add('pollMessage', 'no poll panel');
    k.add('roomPin', 'no pinned-message card');
    k.add('pollMessage', 'no poll panel');
    expect(counts).toEqual({ pollMessage: 501, roomPin: 1 });
    expect(notes).toEqual(['event "pollMessage" not shown: no poll panel', 'event "roomPin" not shown: no pinned-message card']);
  });

  it('takes names that are also Object.prototype keys as plain names', () => {
    const counts: Record<string, number> = {};
    const notes: string[] = [];
    const k = new IgnoredKinds(counts, (m) => notes.push(m));
    k.add('__proto__', 'x');
    k.add('__proto__', 'x');
    k.add('constructor', 'x');
    k.add('toString', 'x');
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    expect(Object.entries(counts)).toEqual([['__proto__', 2], ['constructor', 1], ['toString', 1]]);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(JSON.parse('{"__proto__":2,"constructor":1,"toString":1}'));
    expect(notes).toHaveLength(3);
  });
});
