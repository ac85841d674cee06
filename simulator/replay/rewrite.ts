/** Rewrites a recorded frame's image URLs to the simulator's /media/rec/<key> route, keeping every other byte. */
import { isMediaUrl, mediaKey } from '../../recorder/media-urls.ts';

/** The local URL a recorded image is served from. */
export function recMediaUrl(mediaBase: string, url: string): string {
  return `${mediaBase.replace(/\/+$/, '')}/media/rec/${mediaKey(url)}`;
}

/** A JSON string literal that starts with http(s)://, as findMediaUrls (recorder/media-urls.ts) finds them. */
const URL_LITERAL = /"(https?:(?:[^"\\]|\\.)*)"/g;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A rewriter: called with a frame's text, it returns the text rewritten. `binary` does the same over a frame's UTF-8
 * bytes held as a latin1 string (frame-bytes.ts), byte for byte what the text way gives; it returns null where only
 * the text way can say (a URL literal that is not plain ASCII, or one holding a backslash).
 */
export interface MediaRewriter {
  (text: string): string;
  binary(latin1: string): string | null;
}

/** Literals remembered per rewriter; a recording's image URLs repeat (one avatar per viewer), so this rarely fills. */
const CACHE_MAX = 50_000;

/**
 * A rewriter for one media base: replaces each image URL literal in a frame's text by its local URL; the rest of the
 * text is untouched. The same rules as findMediaUrls + recMediaUrl, but what each literal becomes is remembered:
 * parsing the URL and hashing it for its key cost ~60 µs a frame, measured as the main cost of a replayed frame.
 */
export function mediaRewriter(mediaBase: string): MediaRewriter {
  const base = mediaBase.replace(/\/+$/, '');
  const local = `${base}/media/rec/`;
  // literal → its replacement literal, or null when it stays (not an image, or already local).
  const cache = new Map<string, string | null>();
  const decide = (literal: string, inner: string): string | null => {
    let url: string;
    try {
      url = literal.includes('\\') ? (JSON.parse(literal) as string) : inner;
    } catch {
      return null;
    }
    // Already local (a recording of this simulator replayed against itself): left alone.
    if (!isMediaUrl(url) || url.startsWith(local)) return null;
    return JSON.stringify(`${local}${mediaKey(url)}`);
  };
  const lookup = (literal: string, inner: string): string | null => {
    let to = cache.get(literal);
    if (to === undefined) {
      to = decide(literal, inner);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(literal, to);
    }
    return to;
  };
  /**
   * One pass, cutting the text at the literals found. It equals replacing each literal everywhere (the rule) as long
   * as no literal holds a backslash: only an escaped quote lets one literal hide inside another. With `binary` the
   * text is a frame's UTF-8 bytes as a latin1 string (one character a byte): the literals are the same, but only an
   * ASCII one reads the same both ways, so any other (or one with a backslash) returns null for the text way to do.
   */
  const scan = (text: string, binary: boolean): string | null => {
    if (!text.includes('http')) return text;
    let out = '';
    let at = 0;
    URL_LITERAL.lastIndex = 0;
    for (let m = URL_LITERAL.exec(text); m; m = URL_LITERAL.exec(text)) {
      const literal = m[0];
      if (literal.includes('\\')) return binary ? null : bySplitting(text, lookup);
      if (binary && NON_ASCII.test(literal)) return null;
      const to = lookup(literal, m[1]!);
      if (to === null) continue;
      if (binary && NON_ASCII.test(to)) return null;
      out += text.slice(at, m.index) + to;
      at = m.index + literal.length;
    }
    return at === 0 ? text : out + text.slice(at);
  };
  const rewrite = (text: string): string => scan(text, false)!;
  return Object.assign(rewrite, { binary: (latin1: string) => scan(latin1, true) });
}

/** The rule itself: each distinct image literal, in order of appearance, replaced everywhere it occurs. */
function bySplitting(text: string, lookup: (literal: string, inner: string) => string | null): string {
  let out = text;
  const done = new Set<string>();
  const re = new RegExp(URL_LITERAL.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const literal = m[0];
    if (done.has(literal)) continue;
    const to = lookup(literal, m[1]!);
    if (to === null) continue;
    done.add(literal);
    out = out.split(literal).join(to);
  }
  return out;
}

/** Replaces each image URL literal in the frame text by its local URL; the rest of the text is untouched. */
export function rewriteMediaUrls(text: string, mediaBase: string): string {
  return mediaRewriter(mediaBase)(text);
}
