import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import type { Received, Receiver, ReceiverState, ReceiverStatus } from './receiver.ts';
import { TwitchReceiver } from './twitch.ts';
import { startTestIrcServer } from './twitch-test-server.ts';
import type { Message } from '../protocol/message.ts';

/** An in-process receiver the test drives by hand: emit() is what a socket's message handler would do. */
class ManualReceiver implements Receiver {
  readonly platform = 'tiktok' as const;
  private events = new Set<(e: Received) => void>();
  private states = new Set<(s: ReceiverStatus) => void>();
  private st: ReceiverStatus;
  started = 0;
  constructor(readonly name: string, private readonly failStart = false) {
    this.st = { name, platform: 'tiktok', source: `manual:${name}`, state: 'idle', since: 0, attempts: 0, events: 0 };
  }
  start(): void {
    this.started++;
    if (this.failStart) throw new Error('boom at start');
    this.set('connected');
  }
  async stop(): Promise<void> {
    this.set('stopped');
  }
  status(): ReceiverStatus {
    return this.st;
  }
  onEvent(fn: (e: Received) => void): () => void {
    this.events.add(fn);
    return () => this.events.delete(fn);
  }
  onState(fn: (s: ReceiverStatus) => void): () => void {
    this.states.add(fn);
    return () => this.states.delete(fn);
  }
  set(state: ReceiverState, lastError?: string): void {
    this.st = { ...this.st, state, ...(lastError ? { lastError } : {}) };
    for (const f of this.states) f(this.st);
  }
  emit(kind: string, data: unknown): void {
    for (const f of this.events) f({ platform: 'tiktok', receiver: this.name, kind, data, at: Date.now() });
  }
}

/** A TLC-style chat, as TikTok receivers hand it on. */
const chat = (content: string, msgId: string) => ({ common: { method: 'WebcastChatMessage', msgId, roomId: '1', createTime: '0' }, user: { id: '1', displayId: 'u', nickname: 'U', secUid: '' }, content, emotes: [] });

async function take(it: AsyncIterator<Message>, n: number): Promise<Message[]> {
  const out: Message[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('aggregate', () => {
  it('merges receivers in arrival order and starts each once', async () => {
    const a = new ManualReceiver('a');
    const b = new ManualReceiver('b');
    const agg = aggregate([a, b]);
    const it = agg[Symbol.asyncIterator]();
    a.emit('chat', chat('1', 'm1'));
    b.emit('chat', chat('2', 'm2'));
    a.emit('chat', chat('3', 'm3'));
    const got = await take(it, 3);
    expect(got.map((m) => [m.receiver, m.text])).toEqual([['a', '1'], ['b', '2'], ['a', '3']]);
    expect([a.started, b.started]).toEqual([1, 1]);
    expect(agg.states().map((s) => s.state)).toEqual(['connected', 'connected']);
    await agg.stop();
  });

  it('one receiver throwing at start, failing, or sending garbage does not stop the others', async () => {
    const bad = new ManualReceiver('bad', true);
    const ok = new ManualReceiver('ok');
    const agg = aggregate([bad, ok], {
      normalise: (e, seq) => {
        if (e.kind === 'explode') throw new Error('bad data');
        return { id: String(seq), platform: 'tiktok', receiver: e.receiver, kind: 'chat', at: e.at, emotes: [], original: { kind: e.kind, data: e.data } };
      },
    });
    const seen: string[] = [];
    agg.onMessage(() => {
      throw new Error('a listener that throws');
    });
    agg.onMessage((m) => seen.push(m.receiver));
    ok.emit('explode', {});
    ok.emit('chat', {});
    ok.set('failed', 'gone');
    ok.set('connected');
    ok.emit('chat', {});
    expect(seen).toEqual(['ok', 'ok']);
    expect(agg.states()[0]).toMatchObject({ name: 'bad', state: 'failed', lastError: 'boom at start' });
    expect(agg.counters()).toMatchObject({ messages: 2, normaliseErrors: 1, listenerErrors: 2 });
    await agg.stop();
  });

  it('a slow iterator keeps the newest `capacity` messages and counts the dropped ones', async () => {
    const a = new ManualReceiver('a');
    const agg = aggregate([a], { capacity: 3 });
    const it = agg[Symbol.asyncIterator]();
    for (let i = 0; i < 10; i++) a.emit('chat', chat(String(i), `m${i}`));
    expect((await take(it, 3)).map((m) => m.text)).toEqual(['7', '8', '9']);
    expect(agg.counters().dropped).toBe(7);
    await agg.stop();
  });

  it('ends iterators on stop once drained, and refuses two receivers of one name', async () => {
    const a = new ManualReceiver('a');
    const agg = aggregate([a]);
    const it = agg[Symbol.asyncIterator]();
    a.emit('chat', chat('last', 'm'));
    const pending = take(it, 5);
    await agg.stop();
    expect((await pending).map((m) => m.text)).toEqual(['last']);
    expect(a.status().state).toBe('stopped');
    expect(() => aggregate([new ManualReceiver('x'), new ManualReceiver('x')])).toThrow('aggregate: two receivers are named "x"; give each a unique name');
  });

  it('merges a real Twitch receiver with another source; the Twitch side keeps going while the other fails', async () => {
    const server = await startTestIrcServer();
    const twitch = new TwitchReceiver({ url: server.wsUrl, channels: ['c'] });
    const tiktok = new ManualReceiver('tiktok');
    const agg = aggregate([twitch, tiktok]);
    try {
      const c = await server.waitConns(1);
      while (twitch.status().joined.length === 0) await new Promise((r) => setTimeout(r, 5));
      const it = agg[Symbol.asyncIterator]();
      tiktok.emit('chat', chat('from tiktok', 't1'));
      tiktok.set('failed', 'TikTok went away');
      c.send('@display-name=Ab;id=x1;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #c :from twitch', '@bits=10;id=x2;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #c :cheer10');
      const got = await take(it, 3);
      expect(got.map((m) => [m.platform, m.kind, m.text])).toEqual([
        ['tiktok', 'chat', 'from tiktok'],
        ['twitch', 'chat', 'from twitch'],
        ['twitch', 'cheer', 'cheer10'],
      ]);
      expect(agg.states().map((s) => [s.name, s.state])).toEqual([['twitch', 'connected'], ['tiktok', 'failed']]);
    } finally {
      await agg.stop();
      await server.close();
    }
  });
});
