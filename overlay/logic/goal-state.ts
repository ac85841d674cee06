/**
 * A LIVE goal from a `goalUpdate` frame, read without throwing. The frame's data is TLC-style (the decoded
 * WebcastGoalUpdateMessage, camelCase, int64s as decimal strings: protocol/tlc/goal-update.ts and tiktok-live-proto's
 * `WebcastGoalUpdateMessage`): `goal.description`, `goal.subGoals[]` with `progress`/`target` and the gift counted
 * (`gift.name`, `gift.icon.urlList`), the latest contributor (`contributorDisplayId`, `contributorAvatar`,
 * `contributeCount`), and `unpin` when the streamer takes the goal off screen.
 */

/** One sub-goal: a gift (or like) count towards its target. */
export interface SubGoalView {
  progress: number;
  target: number;
  giftName: string;
  giftIcon: string;
}

/** What the goal bar shows. */
export interface GoalView {
  id: string;
  description: string;
  subGoals: SubGoalView[];
  /** Share done, 0 to 1: the mean of the sub-goals' shares (their units differ: counts of different gifts). */
  fraction: number;
  complete: boolean;
  /** The viewer whose gift moved it, when the frame names one. */
  contributor: { name: string; avatar: string; count: number } | null;
  /** The streamer took the goal off screen. */
  unpinned: boolean;
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
/** An int64 (a decimal string in TLC's objects, a number in hand-made ones) as a finite number >= 0, else null. */
const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) ? Math.max(0, n) : null;
};
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const firstUrl = (img: unknown): string => {
  const list = obj(img)?.urlList;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : '';
};

/** Most sub-goals drawn. */
export const MAX_SUBGOALS = 3;

/**
 * Reads a goalUpdate frame's data. Returns the goal, or the reason it cannot be shown (a field missing or of the
 * wrong type); never throws.
 */
export function readGoal(data: unknown): { ok: true; goal: GoalView } | { ok: false; error: string } {
  const d = obj(data);
  if (!d) return { ok: false, error: 'data is not an object' };
  const g = obj(d.goal);
  if (!g) return { ok: false, error: 'goal: missing' };
  const id = text(g.idStr) || text(g.id);
  if (!id) return { ok: false, error: 'goal.id: missing' };
  if (!Array.isArray(g.subGoals)) return { ok: false, error: 'goal.subGoals: not a list' };
  const subGoals: SubGoalView[] = [];
  for (const [i, raw] of g.subGoals.slice(0, MAX_SUBGOALS).entries()) {
    const s = obj(raw);
    const progress = count(s?.progress);
    const target = count(s?.target);
    if (!s || progress === null || target === null) return { ok: false, error: `goal.subGoals.${i}: progress/target missing` };
    const gift = obj(s.gift);
    subGoals.push({ progress, target, giftName: text(gift?.name), giftIcon: firstUrl(gift?.icon) });
  }
  if (!subGoals.length) return { ok: false, error: 'goal.subGoals: empty' };
  const shares = subGoals.map((s) => (s.target > 0 ? Math.min(1, s.progress / s.target) : 1));
  const fraction = shares.reduce((a, b) => a + b, 0) / shares.length;
  const name = text(d.contributorDisplayId);
  const contributed = count(d.contributeCount) ?? 0;
  return {
    ok: true,
    goal: {
      id,
      description: text(g.description).trim(),
      subGoals,
      fraction,
      complete: shares.every((s) => s >= 1),
      contributor: name ? { name, avatar: firstUrl(d.contributorAvatar), count: contributed } : null,
      unpinned: d.unpin === true,
    },
  };
}

/** "342 / 1,000" for one sub-goal, "2 of 3 done" for several. */
export function goalLabel(g: GoalView, format: (n: number) => string): string {
  if (g.subGoals.length === 1) {
    const s = g.subGoals[0]!;
    return `${format(Math.min(s.progress, s.target))} / ${format(s.target)}`;
  }
  const done = g.subGoals.filter((s) => s.progress >= s.target).length;
  return `${done} of ${g.subGoals.length} done`;
}
