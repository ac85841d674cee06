/** A Toasty waiting for its turn: who, and how big the gift that earned it was (diamonds; 0 for a rule's action). */
export interface ToastyTicket {
  userId: string;
  diamonds: number;
}

/**
 * Admits `t` to the `waiting` line (mutated) of at most `max`: one ticket per user (a repeat keeps the larger gift);
 * when the line is full, the newcomer takes the place of the smallest gift waiting if its own is bigger, so a storm
 * of big gifts shows its biggest senders instead of the first three. Returns the ticket it replaced or turned away
 * (`t` itself when not admitted), or null when nothing was dropped.
 * @example admitToasty([], { userId: 'a', diamonds: 100 }, 3) // null, and the line holds a
 */
export function admitToasty<T extends ToastyTicket>(waiting: T[], t: T, max: number): T | null {
  const same = waiting.findIndex((w) => w.userId === t.userId);
  if (same >= 0) {
    waiting[same]!.diamonds = Math.max(waiting[same]!.diamonds, t.diamonds);
    return t;
  }
  if (waiting.length < max) {
    waiting.push(t);
    return null;
  }
  let low = -1;
  for (let i = 0; i < waiting.length; i++) if (low < 0 || waiting[i]!.diamonds < waiting[low]!.diamonds) low = i;
  if (low < 0 || waiting[low]!.diamonds >= t.diamonds) return t;
  const out = waiting[low]!;
  waiting.splice(low, 1);
  waiting.push(t);
  return out;
}
