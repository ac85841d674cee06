import { describe, expect, it } from 'vitest';
import { createEngine } from '../simulator/engine.ts';
import { SEEDED_EPOCH_MS } from '../simulator/clock.ts';
import type { MediaCapture } from './media-capture.ts';
import { frameImageUrls } from './media-urls.ts';
import { captureUrls } from './record.ts';

/** add/skip/taken as MediaCapture has them (each URL acted on once), logging what each call did. */
function fakeCapture(): { media: MediaCapture; log: string[] } {
  const seen = new Set<string>();
  const noted = new Set<string>();
  const log: string[] = [];
  const media = {
    add(url: string) {
      if (seen.has(url)) return;
      seen.add(url);
      log.push(`add ${url}`);
    },
    skip(url: string) {
      if (seen.has(url) || noted.has(url)) return;
      noted.add(url);
      log.push(`skip ${url}`);
    },
    taken: (url: string) => seen.has(url),
  } as unknown as MediaCapture;
  return { media, log };
}

describe('captureUrls', () => {
  it('takes and skips the same URLs, in the same order, as reading every frame would', () => {
    const e = createEngine({ seed: 9, population: 200, rates: { chat: 50, like: 50, gift: 10, member: 20, emote: 5 }, startMs: SEEDED_EPOCH_MS, mediaBase: 'http://127.0.0.1:9' });
    const frames: string[] = [];
    for (let ms = 0; frames.length < 3000; ms += 5) e.advance(SEEDED_EPOCH_MS + ms, (f) => void frames.push(f.text));
    // Frames the shortcut must not take: a picture seen first in a comment, then as an avatar; an escaped URL; a
    // non-image URL in an image field; a second "http" inside one URL.
    const pic = 'http://127.0.0.1:9/media/avatar/zz.png';
    frames.splice(10, 0, `{"event":"chat","data":{"comment":"${pic}","profilePictureUrl":"http://127.0.0.1:9/media/avatar/a1.png"}}`);
    frames.splice(500, 0, `{"event":"chat","data":{"profilePictureUrl":"${pic}"}}`);
    frames.splice(600, 0, '{"event":"chat","data":{"profilePictureUrl":"\\u0068ttp://127.0.0.1:9/media/avatar/u.png"}}');
    frames.splice(700, 0, '{"event":"chat","data":{"profilePictureUrl":"https://example.com/page?x=http"}}');
    // A picture whose URL is not ASCII, twice: the latin1 form must not pass for it.
    const accented = '{"event":"chat","data":{"profilePictureUrl":"http://127.0.0.1:9/media/avatar/é.png"}}';
    frames.splice(800, 0, accented, accented);
    const ours = fakeCapture();
    const asBytes = fakeCapture();
    const reference = fakeCapture();
    for (const f of frames) {
      captureUrls(ours.media, f);
      // As the recorder hands them on: the frame's UTF-8 bytes as a latin1 string.
      captureUrls(asBytes.media, Buffer.from(f, 'utf8').toString('latin1'), true);
      const { images, elsewhere } = frameImageUrls(f);
      for (const u of images) reference.media.add(u);
      for (const u of elsewhere) reference.media.skip(u);
    }
    expect(ours.log).toEqual(reference.log);
    expect(asBytes.log).toEqual(reference.log);
    expect(ours.log).toContain(`add ${pic}`);
    expect(ours.log).toContain('add http://127.0.0.1:9/media/avatar/é.png');
    expect(ours.log.length).toBeGreaterThan(100);
  });
});
