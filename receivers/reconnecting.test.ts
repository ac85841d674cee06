import { describe, expect, it } from 'vitest';
import { ReconnectingReceiver, scrub, type Closer, type Session } from './reconnecting.ts';

/** A receiver whose every attempt fails at once, counting them. */
class Flaky extends ReconnectingReceiver {
  opened = 0;
  closed = 0;
  constructor() {
    super('flaky', 'tiktok', 'ws://127.0.0.1:1/?token=hunter2', { backoff: { initial: 5, max: 10 }, rng: () => 0 });
  }
  protected open(s: Session): Closer {
    this.opened++;
    setTimeout(() => s.lost('refused (token=hunter2)'), 1);
    return () => void this.closed++;
  }
}

describe('the reconnecting base', () => {
  it('retries with backoff, reports the error without secrets, and stops for good', async () => {
    const r = new Flaky();
    const kinds: string[] = [];
    r.onEvent((e) => kinds.push(e.kind));
    r.start();
    r.start(); // a second start is a no-op
    await new Promise((res) => setTimeout(res, 80));
    expect(r.opened).toBeGreaterThanOrEqual(3);
    expect(r.status()).toMatchObject({ state: 'reconnecting', source: 'ws://127.0.0.1:1/?token=<removed>', lastError: 'refused (token=<removed>)' });
    // Never connected: each failure is an `error` event, not a `disconnected`.
    expect(new Set(kinds)).toEqual(new Set(['error']));
    await r.stop();
    const n = r.opened;
    await new Promise((res) => setTimeout(res, 40));
    expect(r.opened).toBe(n);
    expect(r.status().state).toBe('stopped');
  });

  it('removes tokens, OAuth strings and URL credentials from what it reports', () => {
    expect(scrub('wss://u:p@host/x?access_token=abc&x=1')).toBe('wss://<removed>@host/x?access_token=<removed>&x=1');
    expect(scrub('PASS oauth:abc123def')).toBe('PASS oauth:<removed>');
  });
});
