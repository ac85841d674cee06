/**
 * Stands in for an emote inside a comment: an em space and an en space (about 1.5 em, room for the picture), then a
 * word joiner. The joiner is not whitespace, so wrapping never trims the gap off the end of a line, and ASCII spaces
 * are the only places Phaser's wrap breaks, so a gap stays in one piece.
 */
export const EMOTE_GAP = '\u2003\u2002\u2060';

/**
 * Inserts EMOTE_GAP into `comment` at each emote's `placeInComment` (a UTF-16 index, clamped to the comment, never
 * inside a surrogate pair), keeping at most `max` emotes, earliest first. Returns the text and the emotes in the order
 * their gaps appear. @example withEmoteGaps('hi you', [{ placeInComment: 3 }], 4).text // 'hi ' + EMOTE_GAP + 'you'
 */
export function withEmoteGaps<T extends { placeInComment: number }>(comment: string, emotes: readonly T[], max: number): { text: string; order: T[] } {
  const order = emotes
    .filter((e) => Number.isFinite(e.placeInComment))
    .map((e, i) => ({ e, i, at: clampIndex(comment, e.placeInComment) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .slice(0, Math.max(0, max));
  let text = '';
  let from = 0;
  for (const o of order) {
    text += comment.slice(from, o.at) + EMOTE_GAP;
    from = o.at;
  }
  return { text: text + comment.slice(from), order: order.map((o) => o.e) };
}

function clampIndex(s: string, at: number): number {
  let i = Math.max(0, Math.min(s.length, Math.floor(at)));
  const c = s.charCodeAt(i - 1);
  if (i > 0 && i < s.length && c >= 0xd800 && c <= 0xdbff) i++;
  return i;
}

/** Each gap in wrapped `lines`, in order: its line and the text before it on that line (to measure its x). */
export function findEmoteGaps(lines: readonly string[]): { line: number; before: string }[] {
  const out: { line: number; before: string }[] = [];
  lines.forEach((l, line) => {
    for (let j = l.indexOf(EMOTE_GAP); j >= 0; j = l.indexOf(EMOTE_GAP, j + EMOTE_GAP.length)) out.push({ line, before: l.slice(0, j) });
  });
  return out;
}
