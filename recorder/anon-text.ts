/**
 * Replacing known viewers' handles and nicknames wherever they appear in free text (comments, @mentions, labels,
 * gap reasons), for `tiksim anonymize`. Names are matched whole (not inside a longer word), case-insensitively,
 * longest first; lookup goes by a name's first word so thousands of known names cost one map probe per word.
 */

const WORD = /[\p{L}\p{N}_]+/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

interface Known {
  lower: string;
  /** Offset of the name's first word inside the name. */
  lead: number;
  out: string;
}

/** Names shorter than this (in characters) are replaced only in their own fields, never inside text. */
export const MIN_TEXT_NAME = 2;

/** A set of known names and their stand-ins; scrub() replaces them in any text. */
export class NameScrubber {
  private readonly byWord = new Map<string, Known[]>();
  private readonly seen = new Set<string>();
  private sorted = true;

  /** Adds a name and its stand-in (the first stand-in given for a name wins). */
  add(name: string, out: string): void {
    const lower = name.toLowerCase();
    if ([...name].length < MIN_TEXT_NAME || this.seen.has(lower)) return;
    WORD.lastIndex = 0;
    const m = WORD.exec(name);
    if (!m) return; // no letters or digits at all (an emoji-only nickname): replaced in its own field only
    this.seen.add(lower);
    const word = m[0].toLowerCase();
    const list = this.byWord.get(word) ?? [];
    list.push({ lower, lead: m.index, out });
    this.byWord.set(word, list);
    this.sorted = false;
  }

  /** True when `name` (any case) is known already. */
  knows(name: string): boolean {
    return this.seen.has(name.toLowerCase());
  }

  /** Number of names known. */
  get size(): number {
    return this.seen.size;
  }

  /** Returns `text` with every known name replaced by its stand-in. */
  scrub(text: string): string {
    if (this.seen.size === 0 || text.length < MIN_TEXT_NAME) return text;
    if (!this.sorted) {
      for (const l of this.byWord.values()) l.sort((a, b) => b.lower.length - a.lower.length);
      this.sorted = true;
    }
    let out = '';
    let done = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const list = this.byWord.get(m[0].toLowerCase());
      if (!list) continue;
      for (const k of list) {
        const start = m.index - k.lead;
        const end = start + k.lower.length;
        if (start < done || end > text.length) continue;
        if (text.slice(start, end).toLowerCase() !== k.lower) continue;
        if (start > 0 && WORD_CHAR.test(text[start - 1]!) && WORD_CHAR.test(text[start]!)) continue;
        if (end < text.length && WORD_CHAR.test(text[end]!) && WORD_CHAR.test(text[end - 1]!)) continue;
        out += text.slice(done, start) + k.out;
        done = end;
        WORD.lastIndex = Math.max(WORD.lastIndex, end);
        break;
      }
    }
    return done === 0 ? text : out + text.slice(done);
  }
}
