/** Rewrites a recorded frame's image URLs to the simulator's /media/rec/<key> route, keeping every other byte. */
import { findMediaUrls, mediaKey } from '../../recorder/media-urls.ts';

/** The local URL a recorded image is served from. */
export function recMediaUrl(mediaBase: string, url: string): string {
  return `${mediaBase.replace(/\/+$/, '')}/media/rec/${mediaKey(url)}`;
}

/** Replaces each image URL literal in the frame text by its local URL; the rest of the text is untouched. */
export function rewriteMediaUrls(text: string, mediaBase: string): string {
  const found = findMediaUrls(text);
  if (found.length === 0) return text;
  const base = mediaBase.replace(/\/+$/, '');
  // Already local (a recording of this simulator replayed against itself): leave alone.
  let out = text;
  const done = new Set<string>();
  for (const f of found) {
    if (done.has(f.literal) || f.url.startsWith(`${base}/media/rec/`)) continue;
    done.add(f.literal);
    out = out.split(f.literal).join(JSON.stringify(recMediaUrl(base, f.url)));
  }
  return out;
}
