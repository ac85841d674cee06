import { describe, expect, it } from 'vitest';
import { createEngine, FACE_VIEWER_COUNT, type OutFrame } from './engine.ts';
import { collect, makeEngine, MEDIA, SILENT, T0 } from './generator-test-utils.ts';

const run = (chunks: number[], seed = 7): string[] => {
  const e = makeEngine({ seed, rates: { chat: 50, like: 80, gift: 10, member: 20 }, quirks: { duplicates: 0.02, dropStreakEnd: 0.1 } });
  const out: string[] = [];
  for (const t of chunks) e.advance(t, (f: OutFrame) => out.push(f.text));
  return out;
};

describe('engine', () => {
  it('repeats byte for byte with the same seed, whatever the advance() chunking', () => {
    const big = run([T0 + 60_000]);
    expect(big.length).toBeGreaterThan(10_000);
    const small: number[] = [];
    for (let t = T0; t <= T0 + 60_000; t += 37) small.push(t);
    small.push(T0 + 60_000);
    expect(run(small)).toEqual(big);
    expect(run([T0 + 60_000], 8)).not.toEqual(big);
  });

  it('gives every message a unique msgId over 100k events', () => {
    const e = makeEngine({ rates: { chat: 3000, like: 4000, gift: 300, member: 500 } });
    const ids = new Set<string>();
    let n = 0;
    for (let t = T0; n < 100_000; t += 500) {
      e.advance(t, (f) => {
        const m = /"msgId":"(\d{19})"/.exec(f.text);
        if (!m) return;
        n++;
        ids.add(m[1]);
      });
    }
    expect(ids.size).toBe(n);
  });

  it('keeps viewer identities stable and Zipf-skewed, with 3 face viewers among the active ones', () => {
    const frames = collect(makeEngine({ rates: { ...SILENT, chat: 30 } }), T0 + 60_000).filter((f) => f.event === 'chat');
    const byId = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const f of frames) {
      const user = f.text.slice(f.text.indexOf('"userId"'), f.text.indexOf(',"msgId"'));
      const id = f.data.userId as string;
      if (byId.has(id)) expect(byId.get(id)).toBe(user);
      byId.set(id, user);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      expect(f.data.userId).toMatch(/^\d{19}$/);
      expect(f.data.secUid).toMatch(/^MS4wLjABAAAA[A-Za-z0-9_-]{64}$/);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const top10 = sorted.slice(0, 10).reduce((a, b) => a + b, 0);
    expect(top10 / frames.length).toBeGreaterThan(0.25);
    expect(frames.some((f) => (f.data.profilePictureUrl as string).startsWith(`${MEDIA}/media/face/`))).toBe(true);
    const faces = makeEngine().viewers('face:', 10);
    expect(faces).toHaveLength(FACE_VIEWER_COUNT);
    expect(faces.map((v) => v.profilePictureUrl)).toEqual([0, 1, 2].map((n) => `${MEDIA}/media/face/${n}.png`));
  });

  it('finds viewers by name and lists the most active for an empty query', () => {
    const e = makeEngine();
    const all = e.viewers('', 5);
    expect(all.map((v) => v.index)).toEqual([0, 1, 2, 3, 4]);
    const q = all[3].uniqueId.slice(0, 4);
    expect(e.viewers(q, 50).some((v) => v.uniqueId === all[3].uniqueId)).toBe(true);
  });

  it('scales to a million viewers with flat memory', () => {
    const e = createEngine({ seed: 1, population: 1_000_000, startMs: T0, mediaBase: MEDIA, rates: { chat: 2000, like: 3000, gift: 200, member: 500 } });
    let n = 0;
    let t = T0;
    for (; n < 100_000; t += 1000) e.advance(t, () => n++);
    const s1 = e.status();
    for (; n < 200_000; t += 1000) e.advance(t, () => n++);
    const s2 = e.status();
    expect(s2.cachedViewers).toBeLessThanOrEqual(10_100);
    expect(s2.pendingFrames).toBeLessThan(s1.pendingFrames * 1.5 + 100);
  });

  it('pauses generation but still sends fired events, and reports status', () => {
    const e = makeEngine({ rates: { ...SILENT, chat: 10 } });
    e.setPaused(true);
    e.fire({ event: 'chat', data: { comment: 'hello' } }, T0 + 100);
    const frames = collect(e, T0 + 10_000);
    expect(frames.map((f) => f.data.comment)).toEqual(['hello']);
    const s = e.status();
    expect(s).toMatchObject({ seed: 7, population: 500, paused: true, scenario: null });
    expect(e.chatBacklog()).toEqual([frames[0].text]);
  });

  it('applies setRates from the latest time and rejects bad rates', () => {
    const e = makeEngine({ rates: SILENT });
    collect(e, T0 + 1000);
    expect(e.setRates({ chat: 100 })).toMatchObject({ ok: true });
    expect(collect(e, T0 + 3000, 100, T0 + 1100).filter((f) => f.event === 'chat').length).toBeGreaterThan(100);
    expect(e.setRates({ chatt: 1 })).toMatchObject({ ok: false, error: { code: 'E_BAD_RATES', field: 'chatt' } });
    expect(e.setRates({ chat: -1 })).toMatchObject({ ok: false, error: { code: 'E_OUT_OF_RANGE' } });
  });
});
