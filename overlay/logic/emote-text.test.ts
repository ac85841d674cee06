import { describe, expect, it } from 'vitest';
import { EMOTE_GAP, findEmoteGaps, withEmoteGaps } from './emote-text.ts';

const e = (placeInComment: number, id = String(placeInComment)) => ({ placeInComment, id });

describe('withEmoteGaps', () => {
  it('puts a gap where each emote sits, in comment order', () => {
    const r = withEmoteGaps('love this song', [e(14, 'end'), e(5, 'mid')], 4);
    expect(r.text).toBe(`love ${EMOTE_GAP}this song${EMOTE_GAP}`);
    expect(r.order.map((x) => x.id)).toEqual(['mid', 'end']);
  });
  it('clamps places outside the comment, never splits an emoji, and keeps at most max', () => {
    expect(withEmoteGaps('hi', [e(-3), e(99)], 4).text).toBe(`${EMOTE_GAP}hi${EMOTE_GAP}`);
    expect(withEmoteGaps('a😀b', [e(2)], 4).text).toBe(`a😀${EMOTE_GAP}b`);
    expect(withEmoteGaps('abc', [e(0), e(1), e(2), e(3)], 2).order.map((x) => x.placeInComment)).toEqual([0, 1]);
    expect(withEmoteGaps('abc', [e(Number.NaN)], 2)).toEqual({ text: 'abc', order: [] });
  });
  it('an emote-only message is just the gap', () => {
    expect(withEmoteGaps('', [e(0)], 3).text).toBe(EMOTE_GAP);
  });
});

describe('findEmoteGaps', () => {
  it('finds every gap with the text before it on its line', () => {
    const lines = [`so ${EMOTE_GAP}good${EMOTE_GAP}`, `next ${EMOTE_GAP}`];
    expect(findEmoteGaps(lines)).toEqual([
      { line: 0, before: 'so ' },
      { line: 0, before: `so ${EMOTE_GAP}good` },
      { line: 1, before: 'next ' },
    ]);
  });
});
