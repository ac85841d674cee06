import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, TIKTOK_EVENT_NAMES } from '../protocol/index.ts';
import { createEngine } from '../simulator/engine.ts';
import { RATE_KINDS } from '../simulator/events/index.ts';
import { makeHeader } from './format.ts';
import { formatInspect, inspectRecording } from './inspect.ts';
import { tempDir } from './test-helpers.ts';
import { RecordingWriter } from './writer.ts';

describe('tiksim inspect and the TikTok kinds TikFinity does not forward', () => {
  it('counts every kind of an --all-kinds stream, fired and generated, in a real recording file', async () => {
    const T0 = Date.UTC(2025, 0, 1, 20);
    const e = createEngine({ seed: 5, population: 200, startMs: T0, mediaBase: 'http://127.0.0.1:21213', allKinds: true, rates: Object.fromEntries(RATE_KINDS.map((k) => [k, 0])) });
    const kinds = TIKTOK_EVENT_NAMES.filter((k) => !(EVENT_NAMES as readonly string[]).includes(k));
    for (const k of kinds) expect(e.fire({ event: k, count: 3 }, T0 + 5).ok, k).toBe(true);
    const dir = join(tempDir(), 'all-kinds');
    const w = RecordingWriter.create(dir, makeHeader('tiksim --all-kinds', T0, 'test'));
    const expected: Record<string, number> = {};
    for (let t = T0; t <= T0 + 3_000; t += 100) {
      e.advance(t, (f) => {
        w.writeFrame(t - T0, f.text);
        expected[f.event] = (expected[f.event] ?? 0) + 1;
      });
    }
    w.close();
    const r = await inspectRecording(dir);
    expect(r.byKind).toEqual(expected);
    for (const k of kinds) expect(r.byKind[k], k).toBe(3);
    expect(r.notTikFinity).toBe(0);
    expect(formatInspect(r)).toMatch(/goalUpdate\s+3/);
  });
});
