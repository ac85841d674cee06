/** Splits text into user-perceived characters (emoji and combining marks stay whole). */
export function graphemes(s: string): string[] {
  if (segmenter === undefined) {
    const Seg = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
    segmenter = Seg ? new Seg(undefined, { granularity: 'grapheme' }) : null;
  }
  if (segmenter) return Array.from(segmenter.segment(s), (x) => x.segment);
  return Array.from(s);
}

// One segmenter for the page: creating one per call cost more than the segmentation itself.
let segmenter: Intl.Segmenter | null | undefined;

/** Strips control characters and collapses whitespace so one bad name cannot break a line. */
export function cleanText(s: unknown): string {
  if (typeof s !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Cuts `s` to at most `max` graphemes, ending with an ellipsis when cut. @example truncate('abcdef', 4) // 'abc…' */
export function truncate(s: string, max: number): string {
  // Fast path: fewer UTF-16 units than `max` means fewer graphemes too.
  if (s.length <= max) return s;
  const g = graphemes(s);
  if (g.length <= max) return s;
  return g.slice(0, Math.max(1, max - 1)).join('').trimEnd() + '…';
}

/** Formats a count compactly: 999, 1.2K, 34K, 1.5M. */
export function compactNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 10_000) return (n / 1000).toFixed(1).replace(/\.0$/, '') + 'K';
  if (a < 1_000_000) return Math.round(n / 1000) + 'K';
  if (a < 10_000_000) return (n / 1_000_000).toFixed(1).replace(/\.0$/, '') + 'M';
  return Math.round(n / 1_000_000) + 'M';
}
