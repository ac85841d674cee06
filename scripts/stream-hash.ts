/**
 * Hashes long seeded streams (generated, fired, every quirk and scenario) so a refactor of the generators can prove
 * it changed no byte: `node bin/run-ts.js scripts/stream-hash.ts` before and after must print the same lines.
 */
import { createHash } from 'node:crypto';
import { createEngine, type OutFrame } from '../simulator/engine.ts';
import { EVENT_NAMES } from '../protocol/index.ts';

/** sha256 of every frame (event and text) of one seeded run, and how many frames it had. */
export function streamHash(seed: number, scenario: string | undefined, ms: number): { frames: number; hash: string } {
  const h = createHash('sha256');
  let frames = 0;
  const engine = createEngine({
    seed,
    population: 2000,
    startMs: Date.UTC(2025, 0, 1, 20),
    mediaBase: 'http://127.0.0.1:21213',
    scenario,
    rates: scenario ? undefined : { chat: 20, like: 30, gift: 5, member: 10, follow: 2, share: 2, subscribe: 1, emote: 1, envelope: 1, questionNew: 1, liveIntro: 0.5, linkMicBattle: 0.2, linkMicArmies: 1 },
    quirks: { dropStreakEnd: 0.1, duplicates: 0.05, memberOtherActions: 0.1, social: true },
  });
  const emit = (f: OutFrame): void => {
    frames++;
    h.update(f.event).update('\n').update(f.text).update('\n');
  };
  const t0 = Date.UTC(2025, 0, 1, 20);
  for (let t = t0, i = 0; t < t0 + ms; t += 250, i++) {
    if (i % 40 === 0) {
      for (const event of EVENT_NAMES) engine.fire({ event, count: 2, user: { random: true } }, t);
      engine.fire({ event: 'gift', data: { giftName: 'Lion', repeatCount: 3 }, user: { face: true } }, t);
      engine.fire({ event: 'like', data: { likeCount: 7 } }, t);
    }
    engine.advance(t, emit);
  }
  return { frames, hash: h.digest('hex') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [seed, scenario] of [[1, undefined], [42, 'gift-storm'], [7, 'hype']] as const) {
    const r = streamHash(seed, scenario, 20 * 60_000);
    console.log(`seed ${seed} ${scenario ?? 'rates'}: ${r.frames} frames ${r.hash}`);
  }
}
