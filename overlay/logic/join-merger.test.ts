import { describe, expect, it } from 'vitest';
import { JoinMerger, joinText } from './join-merger.ts';

describe('JoinMerger', () => {
  it('merges joins within the window into one burst', () => {
    const m = new JoinMerger(1000);
    m.add('ana', 0);
    for (let i = 0; i < 12; i++) m.add(`v${i}`, 100 + i);
    expect(m.tick(999)).toBeNull();
    const b = m.tick(1000)!;
    expect(joinText(b)).toBe('ana and 12 others joined');
    expect(m.tick(5000)).toBeNull();
  });

  it('names one or two joiners', () => {
    const m = new JoinMerger(500);
    m.add('ana', 0);
    expect(joinText(m.tick(500)!)).toBe('ana joined');
    m.add('ana', 600);
    m.add('bo', 700);
    expect(joinText(m.tick(1100)!)).toBe('ana and bo joined');
  });
});
