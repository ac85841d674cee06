import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, eventSchemas, parseFrame } from '../../protocol/index.ts';
import { collect, makeEngine, MEDIA, SILENT, T0 } from '../generator-test-utils.ts';

describe('every event kind', () => {
  it.each(EVENT_NAMES)('fired %s frames validate against the protocol schema and end with the tikfinity fields', (kind) => {
    const e = makeEngine({ rates: SILENT, quirks: { social: true } });
    const r = e.fire({ event: kind, count: 20 }, T0 + 10);
    expect(r.ok).toBe(true);
    const frames = collect(e, T0 + 10_000).filter((f) => f.event === kind);
    expect(frames.length).toBeGreaterThanOrEqual(kind === 'gift' ? 20 : 20);
    for (const f of frames) {
      expect(eventSchemas[kind].safeParse(f.data).error).toBeUndefined();
      const p = parseFrame(f.text, { validate: true });
      expect(p.ok).toBe(true);
      if (kind !== 'config') expect(Object.keys(f.data).slice(-2)).toEqual(['tikfinityUserId', 'tikfinityUsername']);
      for (const url of f.text.match(/https?:\/\/[^"]+/g) ?? []) expect(url.startsWith(MEDIA)).toBe(true);
    }
  });

  it('generates every rate kind from its rate, and social beside follow/share only with the quirk', () => {
    const rates = Object.fromEntries(Object.keys(SILENT).map((k) => [k, 2]));
    const on = collect(makeEngine({ rates, quirks: { social: true } }), T0 + 30_000);
    const kinds = new Set(on.map((f) => f.event));
    for (const k of [...Object.keys(SILENT), 'roomUser', 'social']) expect(kinds.has(k)).toBe(true);
    for (const f of on) expect(eventSchemas[f.event as 'chat'].safeParse(f.data).error).toBeUndefined();
    const off = collect(makeEngine({ rates }), T0 + 30_000);
    expect(off.some((f) => f.event === 'social' || f.event === 'streamEnd' || f.event === 'config')).toBe(false);
  });
});
