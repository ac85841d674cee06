import { describe, expect, it } from 'vitest';
import { goalUpdateTlcExample } from '../../protocol/tlc/goal-update.ts';
import { goalLabel, readGoal } from './goal-state.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

describe('readGoal', () => {
  it('reads the TLC-style goalUpdate sample: title, progress / target, gift, contributor', () => {
    const r = readGoal(goalUpdateTlcExample);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.goal).toMatchObject({
      id: '7515594455667788990', description: 'New tablet pen', complete: false, unpinned: false,
      subGoals: [{ progress: 342, target: 1000, giftName: 'Rose', giftIcon: expect.stringContaining('tiktokcdn.com') }],
      contributor: { name: 'lena.draws', count: 3 },
    });
    expect(r.goal.fraction).toBeCloseTo(0.342);
    expect(goalLabel(r.goal, fmt)).toBe('342 / 1,000');
  });

  it('is complete when every sub-goal reaches its target; progress past it is shown as the target', () => {
    const data = structuredClone(goalUpdateTlcExample) as unknown as { goal: { subGoals: { progress: string }[] } };
    data.goal.subGoals[0]!.progress = '1003';
    const r = readGoal(data);
    expect(r.ok && r.goal.complete && r.goal.fraction === 1 && goalLabel(r.goal, fmt)).toBe('1,000 / 1,000');
  });

  it('averages several sub-goals and labels them by how many are done', () => {
    const sub = (progress: string, target: string) => ({ type: 1, id: '1', progress, target });
    const r = readGoal({ goal: { idStr: '5', description: 'x', subGoals: [sub('10', '10'), sub('5', '20'), sub('0', '4')] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.goal.fraction).toBeCloseTo((1 + 0.25 + 0) / 3);
    expect(goalLabel(r.goal, fmt)).toBe('1 of 3 done');
  });

  it('says what is wrong with a frame it cannot show, and never throws', () => {
    expect(readGoal(null)).toEqual({ ok: false, error: 'data is not an object' });
    expect(readGoal({})).toEqual({ ok: false, error: 'goal: missing' });
    expect(readGoal({ goal: { id: '1', subGoals: 'x' } })).toEqual({ ok: false, error: 'goal.subGoals: not a list' });
    expect(readGoal({ goal: { id: '1', subGoals: [] } })).toEqual({ ok: false, error: 'goal.subGoals: empty' });
    expect(readGoal({ goal: { id: '1', subGoals: [{ progress: 'lots', target: '9' }] } })).toEqual({ ok: false, error: 'goal.subGoals.0: progress/target missing' });
  });

  it('an unpinned goal is marked so the bar goes', () => {
    const r = readGoal({ ...goalUpdateTlcExample, unpin: true });
    expect(r.ok && r.goal.unpinned).toBe(true);
  });
});
