import { describe, expect, it } from 'vitest';
import { findMediaUrls } from '../../recorder/media-urls.ts';
import { createEngine } from '../engine.ts';
import { SEEDED_EPOCH_MS } from '../clock.ts';
import { mediaRewriter, recMediaUrl, rewriteMediaUrls } from './rewrite.ts';

/** The rewrite as the rule states it (and as it was first written): each image literal replaced everywhere, in order. */
function reference(text: string, mediaBase: string): string {
  const found = findMediaUrls(text);
  const base = mediaBase.replace(/\/+$/, '');
  let out = text;
  const done = new Set<string>();
  for (const f of found) {
    if (done.has(f.literal) || f.url.startsWith(`${base}/media/rec/`)) continue;
    done.add(f.literal);
    out = out.split(f.literal).join(JSON.stringify(recMediaUrl(base, f.url)));
  }
  return out;
}

const BASE = 'http://127.0.0.1:21213';

describe('media rewrite', () => {
  it('gives the same bytes as the rule on 5,000 generated frames, with its cache warm and cold', () => {
    const e = createEngine({ seed: 11, population: 300, rates: { chat: 50, like: 50, gift: 10, member: 20, emote: 5 }, startMs: SEEDED_EPOCH_MS, mediaBase: 'http://127.0.0.1:9' });
    const frames: string[] = [];
    for (let ms = 0; frames.length < 5_000; ms += 5) e.advance(SEEDED_EPOCH_MS + ms, (f) => void frames.push(f.text));
    const rw = mediaRewriter(BASE);
    let changed = 0;
    for (const f of frames) {
      const want = reference(f, BASE);
      expect(rw(f)).toBe(want);
      if (want !== f) changed++;
    }
    // Twice through the same rewriter: the remembered answers give the same bytes.
    for (const f of frames.slice(0, 2000)) expect(rw(f)).toBe(reference(f, BASE));
    expect(changed).toBeGreaterThan(2_500);
  });

  it('keeps the rule on escaped literals, repeats, local URLs, non-images and a literal hidden in another', () => {
    const local = `${BASE}/media/rec/abc`;
    const cases = [
      '{"event":"chat","data":{"profilePictureUrl":"https://p16-sign.tiktokcdn.com/a.webp","x":"https://p16-sign.tiktokcdn.com/a.webp"}}',
      '{"event":"chat","data":{"profilePictureUrl":"https:\\/\\/p16.tiktokcdn.com\\/b.jpeg","comment":"see https://example.com/page"}}',
      `{"event":"chat","data":{"profilePictureUrl":"${local}","imageUrl":"http://127.0.0.1:9/media/gift/5655.png"}}`,
      '{"event":"chat","data":{"comment":"say \\"https://x.test/a.png\\" now","imageUrl":"https://x.test/a.png"}}',
      '{"event":"chat","data":{"comment":"x\\"https://x.test/a.png","imageUrl":"https://x.test/a.png"}}',
      '{"event":"chat","data":{"imageUrl":"https://x.test/a.png"}}',
      '{"event":"chat","data":{"comment":"no links"}}',
      'not json "https://x.test/a.png" at all',
    ];
    const rw = mediaRewriter(`${BASE}/`);
    for (const c of cases) expect(rw(c)).toBe(reference(c, `${BASE}/`));
    expect(rewriteMediaUrls(cases[0]!, BASE)).toContain('/media/rec/');
    expect(rewriteMediaUrls(cases[6]!, BASE)).toBe(cases[6]);
  });
});
