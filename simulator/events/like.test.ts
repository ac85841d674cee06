import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../../protocol/index.ts';
import { collect, makeEngine, SILENT, T0 } from '../generator-test-utils.ts';

// Real like events are mostly full batches: 65% carry likeCount 15, mean about 11.5 (docs/REAL-DATA.md).
describe('like batches', () => {
  it('are mostly full: over 6,000 generated likes the mean is about 11.5 and 15 the commonest count, 1..15 all drawn', () => {
    const likes = collect(makeEngine({ rates: { ...SILENT, like: 100 } }), T0 + 60_000).filter((f) => f.event === 'like');
    expect(likes.length).toBeGreaterThan(5000);
    const counts = likes.map((f) => f.data.likeCount as number);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const full = counts.filter((c) => c === 15).length / counts.length;
    expect(mean).toBeGreaterThan(11);
    expect(mean).toBeLessThan(12);
    expect(full).toBeGreaterThan(0.6);
    expect(full).toBeLessThan(0.7);
    expect([...new Set(counts)].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    for (const f of likes.slice(0, 200)) expect(eventSchemas.like.safeParse(f.data).error).toBeUndefined();
  });

  it('fired without a likeCount follow the same law', () => {
    const e = makeEngine({ rates: SILENT });
    e.fire({ event: 'like', count: 1000 }, T0 + 10);
    const counts = collect(e, T0 + 5000).filter((f) => f.event === 'like').map((f) => f.data.likeCount as number);
    expect(counts).toHaveLength(1000);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeGreaterThan(10.5);
  });
});
