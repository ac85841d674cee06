import { describe, expect, it } from 'vitest';
import { admitToasty, type ToastyTicket } from './toasty-queue.ts';

const t = (userId: string, diamonds: number): ToastyTicket => ({ userId, diamonds });

describe('admitToasty', () => {
  it('queues in arrival order up to the limit', () => {
    const w: ToastyTicket[] = [];
    expect(admitToasty(w, t('a', 100), 3)).toBeNull();
    expect(admitToasty(w, t('b', 500), 3)).toBeNull();
    expect(w.map((x) => x.userId)).toEqual(['a', 'b']);
  });
  it('keeps one ticket per user, with the bigger gift', () => {
    const w = [t('a', 100)];
    expect(admitToasty(w, t('a', 1000), 3)?.userId).toBe('a');
    expect(w).toEqual([t('a', 1000)]);
  });
  it('when full, a bigger gift takes the place of the smallest one waiting; a smaller one is turned away', () => {
    const w = [t('a', 100), t('b', 30000), t('c', 500)];
    expect(admitToasty(w, t('d', 5000), 3)).toEqual(t('a', 100));
    expect(w.map((x) => x.userId)).toEqual(['b', 'c', 'd']);
    expect(admitToasty(w, t('e', 200), 3)).toEqual(t('e', 200));
    expect(w.map((x) => x.userId)).toEqual(['b', 'c', 'd']);
  });
});
