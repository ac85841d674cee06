import { describe, expect, it } from 'vitest';
import { statusLine } from './status-line.ts';
import { describeConnectProblem, type RecorderStats } from './record.ts';

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

describe('why a connection failed, in words', () => {
  it.each([
    ['ECONNREFUSED', 'nothing listening at ws://127.0.0.1:21213/; is TikFinity/tiksim running?'],
    ['ENOTFOUND', 'cannot find the host of ws://127.0.0.1:21213/ (ENOTFOUND); check the address'],
    ['Unexpected server response: 401', 'ws://127.0.0.1:21213/ refused the connection (HTTP 401): a token-protected tiksim needs ?token=<token> in --from'],
    ['Unexpected server response: 404', 'ws://127.0.0.1:21213/ refused the WebSocket upgrade (HTTP 404); is it a TikFinity-compatible socket?'],
    ['closed (1006)', 'cannot connect to ws://127.0.0.1:21213/ (closed (1006))'],
  ])('%s', (reason, text) => {
    expect(describeConnectProblem(reason, 'ws://127.0.0.1:21213/')).toBe(text);
  });

  it('never shows a token from the URL', () => {
    expect(describeConnectProblem('Unexpected server response: 401', 'ws://127.0.0.1:21213/?token=s3cret')).not.toContain('s3cret');
  });
});
