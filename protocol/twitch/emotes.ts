/**
 * The `emotes` tag: `25:0-4,12-16/1902:6-10` means emote 25 at code points 0..4 and 12..16, emote 1902 at 6..10.
 * Offsets count Unicode code points (not UTF-16 units: an emoji before an emote moves it by one, not two) and both
 * ends are inclusive. Ranges are per emote id, ids in the order Twitch lists them.
 */

/** One emote occurrence in a message: inclusive code-point offsets. */
export interface EmoteRange {
  id: string;
  start: number;
  end: number;
}

/** Parses an `emotes` tag value into ranges sorted by start. Never throws: bad parts are skipped and reported. */
export function parseEmotes(value: string): { ranges: EmoteRange[]; bad: string[] } {
  const ranges: EmoteRange[] = [];
  const bad: string[] = [];
  if (value === '') return { ranges, bad };
  for (const group of value.split('/')) {
    const colon = group.lastIndexOf(':');
    const id = group.slice(0, colon);
    if (colon <= 0) {
      bad.push(group);
      continue;
    }
    for (const span of group.slice(colon + 1).split(',')) {
      const m = /^(\d+)-(\d+)$/.exec(span);
      if (!m || Number(m[1]) > Number(m[2])) {
        bad.push(`${id}:${span}`);
        continue;
      }
      ranges.push({ id, start: Number(m[1]), end: Number(m[2]) });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  return { ranges, bad };
}

/**
 * Writes ranges as Twitch does: grouped by id in order of each id's first appearance, spans in text order.
 * @example serializeEmotes([{id:'25',start:0,end:4},{id:'1902',start:6,end:10},{id:'25',start:12,end:16}]) // '25:0-4,12-16/1902:6-10'
 */
export function serializeEmotes(ranges: readonly EmoteRange[]): string {
  const byId = new Map<string, EmoteRange[]>();
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  return [...byId].map(([id, list]) => `${id}:${list.map((r) => `${r.start}-${r.end}`).join(',')}`).join('/');
}

/** Length of a text in code points (what emote offsets count). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The text an emote range covers. @example emoteText('😀 Kappa', {id:'25', start:2, end:6}) // 'Kappa' */
export function emoteText(text: string, r: EmoteRange): string {
  return Array.from(text).slice(r.start, r.end + 1).join('');
}

/**
 * Finds every whole-word occurrence of a known emote name in a message, as Twitch marks them (words split on spaces).
 * @example findEmotes('Kappa hi Kappa', { Kappa: '25' }) // [{id:'25',start:0,end:4},{id:'25',start:9,end:13}]
 */
export function findEmotes(text: string, known: Readonly<Record<string, string>>): EmoteRange[] {
  const out: EmoteRange[] = [];
  let offset = 0;
  for (const word of text.split(' ')) {
    const len = codePointLength(word);
    const id = Object.hasOwn(known, word) ? known[word] : undefined;
    if (id !== undefined && len > 0) out.push({ id, start: offset, end: offset + len - 1 });
    offset += len + 1;
  }
  return out;
}
