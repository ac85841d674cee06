import { describe, expect, it } from 'vitest';
import { statusLine } from './status-line.ts';
import type { RecorderStats } from './record.ts';

const base: RecorderStats = { state: 'connected', frames: 12, byKind: {}, gaps: [], bytes: 2048, elapsedMs: 65_000, reconnects: 0, media: { ok: 0, failed: 0, pending: 0, skipped: 0 }, connectedOnce: true, binary: 0 };

describe('the status line', () => {
  it('while the source does not answer, says why and when the next try is', () => {
    const s: RecorderStats = { ...base, state: 'reconnecting', frames: 0, connectedOnce: false, reconnects: 3, retry: { problem: 'nothing listening at ws://127.0.0.1:9/; is TikFinity/tiksim running?', attempt: 3, atMs: 67_500 } };
    expect(statusLine(s, 0)).toBe('○ connecting: nothing listening at ws://127.0.0.1:9/; is TikFinity/tiksim running?  retry 3 in 2.5s  frames 0  0:01:05');
    expect(statusLine({ ...s, connectedOnce: true, frames: 40 }, 0)).toMatch(/^○ reconnecting: nothing listening at .* retry 3 in 2\.5s {2}frames 40 /);
  });

  it('connected: frames, rate, bytes, elapsed', () => {
    expect(statusLine(base, 2.5)).toBe('● connected  frames 12  2.5/s  2.0 KB  0:01:05');
  });
});
