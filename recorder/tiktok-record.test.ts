import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ControlEvent } from 'tiktok-live-connector';
import { openRecording, readEntries } from './reader.ts';
import { tempDir } from './test-helpers.ts';
import { TikTokRecorder, type TikTokConnection } from './tiktok-record.ts';

/** Stands in for TikTokLiveConnection: connects (or fails) as scripted, and emits what the test tells it to. */
class FakeConn extends EventEmitter implements TikTokConnection {
  disconnected = false;
  constructor(private readonly fail?: string) {
    super();
  }
  async connect(): Promise<void> {
    if (this.fail) throw new Error(this.fail);
  }
  async disconnect(): Promise<void> {
    this.disconnected = true;
  }
}

const chat = (id: string, text: string) => ({ content: text, user: { userId: '42', uniqueId: 'alice', nickname: 'Alice' }, common: { msgId: id, createTime: '1750000000000' } });
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

async function entries(dir: string): Promise<Array<{ kind: string; text?: string; reason?: string }>> {
  const out: Array<{ kind: string; text?: string; reason?: string }> = [];
  for await (const it of readEntries(await openRecording(dir))) {
    if (!('entry' in it)) throw new Error(`bad line ${it.line}: ${it.bad}`);
    const e = it.entry as { kind: string; frame?: string; reason?: string };
    out.push({ kind: e.kind, text: e.frame, reason: e.reason });
  }
  return out;
}

describe('record --tiktok: a lost connection', () => {
  it('is retried with backoff, the outage written as a gap; the stream\'s end stops the session', async () => {
    const dir = tempDir();
    const script = [new FakeConn(), new FakeConn('websocket upgrade refused'), new FakeConn()];
    const made: FakeConn[] = [];
    const rec = new TikTokRecorder({ uniqueId: 'host', outDir: dir, media: false, backoffMs: { initial: 10, max: 20 }, rng: () => 0,
      connect: () => {
        const c = script.shift() ?? new FakeConn('no more');
        made.push(c);
        return c;
      } });
    rec.start();
    await tick();
    made[0]!.emit(ControlEvent.DECODED_DATA, 'WebcastChatMessage', chat('1', 'before the drop'));
    made[0]!.emit(ControlEvent.DISCONNECTED);
    expect(rec.snapshot().state).toBe('reconnecting');
    await tick(80);
    expect(made).toHaveLength(3);
    expect(rec.snapshot().state).toBe('connected');
    made[0]!.emit(ControlEvent.DECODED_DATA, 'WebcastChatMessage', chat('x', 'from the dead connection'));
    made[2]!.emit(ControlEvent.DECODED_DATA, 'WebcastChatMessage', chat('2', 'after the drop'));
    made[2]!.emit(ControlEvent.DECODED_DATA, 'WebcastControlMessage', { action: 3 });
    made[2]!.emit(ControlEvent.DISCONNECTED);
    const s = await rec.done;
    expect(s.reason).toBe('the stream ended');
    expect(s.reconnects).toBe(2);
    expect(s.gaps).toHaveLength(1);
    const e = await entries(dir);
    expect(e.map((x) => x.kind)).toEqual(['frame', 'gap', 'frame', 'frame']);
    expect(e[0]!.text).toContain('before the drop');
    expect(e[1]!.reason).toBe('TikTok disconnected');
    expect(e[2]!.text).toContain('after the drop');
    expect(e[3]!.text).toContain('"event":"streamEnd"');
    expect(made[0]!.disconnected).toBe(true);
  });

  it('a first connection that fails ends the session with what to check', async () => {
    const rec = new TikTokRecorder({ uniqueId: 'nobody', outDir: tempDir(), media: false, connect: () => new FakeConn('user not live') });
    rec.start();
    const s = await rec.done;
    expect(s.reason).toBe('cannot connect to TikTok @nobody: user not live (needs internet and a live stream)');
    expect(s.reconnects).toBe(0);
  });

  it('stopped while down: the open outage is written as a gap up to the stop', async () => {
    const dir = tempDir();
    const first = new FakeConn();
    const conns = [first];
    const rec = new TikTokRecorder({ uniqueId: 'host', outDir: dir, media: false, backoffMs: { initial: 60_000, max: 60_000 }, rng: () => 0,
      connect: () => conns.shift() ?? new FakeConn('down') });
    rec.start();
    await tick();
    first.emit(ControlEvent.DISCONNECTED);
    const s = await rec.stop('stopped (Ctrl-C)');
    expect(s.gaps).toHaveLength(1);
    const e = await entries(dir);
    expect(e.at(-1)).toMatchObject({ kind: 'gap', reason: 'TikTok disconnected; not reconnected before the recording stopped' });
  });
});
