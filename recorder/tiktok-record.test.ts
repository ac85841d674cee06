/**
 * `record --tiktok` against a loopback stand-in for TikTok (recorder/tiktok-stand-in.ts): tiktok-live-connector's own
 * HTTP client asks the stand-in sign server for the push server, its own WebSocket client connects, sends
 * im_enter_room, heartbeats and acks, and decodes the binary push frames; the recorder maps what it decodes and keeps
 * the raw frames. Drops, failed reconnects and the stream's end run for real.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignConfig } from 'tiktok-live-connector';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openRecording, readEntries } from './reader.ts';
import { inspectRecording } from './inspect.ts';
import { tempDir } from './test-helpers.ts';
import { TikTokRecorder, type TikTokRecordOptions } from './tiktok-record.ts';
import { startTikTokStandIn, type TikTokStandIn } from './tiktok-stand-in.ts';
import { badge, encode, pushFrame, ROOM_ID, T0, user, VIEWERS } from './webcast-builders.ts';
import { encodeMore } from './webcast-kinds.ts';
import { tlcSchemas } from '../protocol/tlc/index.ts';
import { parseFrame } from '../protocol/index.ts';

let st: TikTokStandIn;
const saved = { basePath: SignConfig.basePath, cachedInstance: SignConfig.cachedInstance };

beforeEach(async () => {
  st = await startTikTokStandIn();
  // The library's own setting for its sign server; the cached client must go so the next one is made with it.
  SignConfig.basePath = st.signUrl;
  SignConfig.cachedInstance = undefined;
});
afterEach(async () => {
  await st.close();
  SignConfig.basePath = saved.basePath;
  SignConfig.cachedInstance = saved.cachedInstance;
});

function recorder(outDir: string, extra: Partial<TikTokRecordOptions> = {}): TikTokRecorder {
  return new TikTokRecorder({
    uniqueId: 'lena.draws',
    outDir,
    media: false,
    backoffMs: { initial: 20, max: 40 },
    rng: () => 0,
    // A known room id skips the room lookup on tiktok.com; fast heartbeats so the test sees them.
    connection: { roomId: ROOM_ID, options: { fetchRoomInfoOnConnect: false, wsConfigOverrides: { DEFAULT_WS_PING_INTERVAL: 40 } } },
    ...extra,
  });
}

const until = async (pred: () => boolean, what: string) => {
  const end = Date.now() + 8000;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

type Line = { kind: string; event?: string; comment?: string; user?: string; b64?: string; reason?: string };
async function lines(dir: string): Promise<Line[]> {
  const out: Line[] = [];
  for await (const it of readEntries(await openRecording(dir))) {
    if (!('entry' in it)) throw new Error(`bad line ${it.line}: ${it.bad}`);
    const e = it.entry;
    if (e.kind === 'frame') {
      const f = JSON.parse(e.frame) as { event: string; data: { comment?: string; uniqueId?: string } };
      out.push({ kind: 'frame', event: f.event, ...(f.data.comment ? { comment: f.data.comment } : {}), ...(f.data.uniqueId ? { user: f.data.uniqueId } : {}) });
    } else if (e.kind === 'raw') out.push({ kind: 'raw', b64: e.b64 });
    else if (e.kind === 'gap') out.push({ kind: 'gap', reason: e.reason });
    else out.push({ kind: e.kind });
  }
  return out;
}

describe('record --tiktok over a real (loopback) TikTok-shaped connection', () => {
  it('decodes and maps push frames, keeps them raw, acks; a dropped connection is reconnected with a gap; the stream\'s end stops it', async () => {
    const dir = join(tempDir(), 'rec');
    st.initial = [{ ...encode.chat('7441986320000000007', T0 - 41_000, VIEWERS.mara, 'first!'), isHistory: true }];
    const rec = recorder(dir);
    rec.start();
    await st.waitForSent('im_enter_room');
    const q = st.clients[0]!.query;
    expect([q.get('room_id'), q.get('compress')]).toEqual([ROOM_ID, 'gzip']);
    expect(q.get('cursor')).toMatch(/^t-\d+_r-1/);
    await until(() => rec.snapshot().state === 'connected', 'connected');

    const a = pushFrame(
      [encode.chat('11', T0 + 100, VIEWERS.lena, 'hi from Lisbon!'), encode.opaque('WebcastHourlyRankRewardMessage', '12'), encode.gift('13', T0 + 200, VIEWERS.kofi, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 3, repeatEnd: true, groupId: '1750016800211', image: 'https://p19-webcast.tiktokcdn.com/img/rose.webp' })],
      { needAck: true, logId: '7441986301234567001' },
    );
    st.send([a]);
    await until(() => rec.stats.frames >= 3, 'the history chat and frame a mapped');
    await st.waitForSent('ack');
    await st.waitForSent('hb');

    st.dropAll();
    await until(() => rec.snapshot().state === 'reconnecting', 'the drop noticed');
    await st.waitForConnections(2);
    await st.waitForSent('im_enter_room', 2);
    await until(() => rec.snapshot().state === 'connected', 'reconnected');

    const b = pushFrame([encode.like('21', T0 + 5000, VIEWERS.mara, 15, 48210), encode.control('22', T0 + 6000, 3)], { seqId: '7441986301234567999' });
    st.send([b]);
    const s = await rec.done;
    expect(s.reason).toBe('the stream ended');
    expect(s).toMatchObject({ frames: 6, reconnects: 1, byKind: { chat: 3, gift: 1, like: 1, streamEnd: 1 } });
    expect(s.gaps).toHaveLength(1);
    expect(st.signRequests).toBe(2);
    const b64 = (f: Uint8Array) => Buffer.from(f).toString('base64');
    expect(await lines(dir)).toEqual([
      // The sign server's initial batch (history) is decoded too; it arrives over HTTP, so there is no raw frame for it.
      { kind: 'frame', event: 'chat', comment: 'first!', user: 'mara.b' },
      { kind: 'raw', b64: b64(a) },
      { kind: 'frame', event: 'chat', comment: 'hi from Lisbon!', user: 'lena.draws' },
      { kind: 'frame', event: 'gift', user: 'kofi_gh' },
      // The gap comes before anything of the new connection (its initial batch arrives while it is still connecting).
      { kind: 'gap', reason: 'TikTok disconnected' },
      // The reconnect's initial batch is the same history again: TikTok re-sends it, and the recorder keeps every frame.
      { kind: 'frame', event: 'chat', comment: 'first!', user: 'mara.b' },
      { kind: 'raw', b64: b64(b) },
      { kind: 'frame', event: 'like', user: 'mara.b' },
      { kind: 'frame', event: 'streamEnd' },
    ]);
    // The fields come from the decoded messages, not defaults.
    const texts: string[] = [];
    for await (const it of readEntries(await openRecording(dir))) if ('entry' in it && it.entry.kind === 'frame') texts.push(it.entry.frame);
    expect(JSON.parse(texts[2]!)).toMatchObject({ event: 'gift', data: { giftName: 'Rose', giftId: 5655, repeatCount: 3, repeatEnd: true, diamondCount: 1 } });
    expect(JSON.parse(texts[4]!)).toMatchObject({ event: 'like', data: { likeCount: 15, totalLikeCount: 48210 } });
    expect(JSON.parse(texts[5]!)).toMatchObject({ event: 'streamEnd', data: { action: 3 } });
  });

  it('a first connection the sign server refuses ends the session with the reason; the empty folder can be removed', async () => {
    st.signStatus = 500;
    const dir = join(tempDir(), 'rec');
    const rec = recorder(dir);
    rec.start();
    const s = await rec.done;
    expect(s.reason).toMatch(/^cannot connect to TikTok @lena\.draws: .+ \(needs internet and a live stream\)$/);
    expect(s).toMatchObject({ frames: 0, reconnects: 0, connectedOnce: false });
    expect(rec.discardIfEmpty()).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('reconnects that fail are retried with backoff and said why; stopped while down, the open outage is a gap up to the stop', async () => {
    const dir = join(tempDir(), 'rec');
    const problems: string[] = [];
    const rec = recorder(dir, { onProblem: (t) => problems.push(t) });
    rec.start();
    await st.waitForSent('im_enter_room');
    st.send([pushFrame([encode.member('31', T0, VIEWERS.theo, 12)])]);
    await until(() => rec.stats.frames >= 1, 'the join mapped');
    st.signStatus = 429;
    st.dropAll();
    await until(() => st.signRequests >= 4, 'three failed reconnects');
    const snap = rec.snapshot();
    expect(snap.state).toBe('reconnecting');
    expect(snap.retry?.problem).toMatch(/^TikTok @lena\.draws: reconnect failed: /);
    expect(problems[0]).toBe('TikTok @lena.draws: TikTok disconnected (retrying with backoff, at most 40 ms apart; Ctrl-C to stop)');
    expect(problems[1]).toMatch(/reconnect failed: .*\(retrying with backoff/);
    const s = await rec.stop('stopped (Ctrl-C)');
    expect(s.gaps).toHaveLength(1);
    expect(rec.discardIfEmpty()).toBe(false);
    expect((await lines(dir)).map((l) => l.kind + (l.event ? ':' + l.event : ''))).toEqual(['raw', 'frame:member', 'gap']);
    expect((await lines(dir)).at(-1)).toEqual({ kind: 'gap', reason: 'TikTok disconnected; not reconnected before the recording stopped' });
  });

  it('--all-kinds: the kinds TikFinity forwards as TikFinity frames (badges mapped), the others TLC-style; without it they are counted as decoded, no TikFinity event', async () => {
    const mod = user({ id: '6812345678901234567', handle: 'mod.anna', nickname: 'Anna', badges: [badge.moderator(), badge.gifterLevel(14)] });
    const rose = 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png';
    const frame = pushFrame([
      encode.chat('41', T0, mod, 'welcome all'),
      encodeMore.goal('42', T0 + 10, { goalId: '7441986000000000123', description: 'New brushes', gift: { id: '5655', name: 'Rose', diamonds: 1, image: rose }, progress: 40, target: 100, by: VIEWERS.kofi, count: 5 }),
      encodeMore.superFan('43', T0 + 20, VIEWERS.lena),
      encode.control('44', T0 + 30, 1),
    ]);
    for (const allKinds of [true, false]) {
      const dir = join(tempDir(), 'rec');
      const rec = recorder(dir, { allKinds });
      rec.start();
      await st.waitForSent('im_enter_room', allKinds ? 1 : 2);
      st.send([frame]);
      await until(() => rec.stats.frames >= (allKinds ? 5 : 1), 'the frame recorded');
      const s = await rec.stop();
      const texts: string[] = [];
      for await (const it of readEntries(await openRecording(dir))) if ('entry' in it && it.entry.kind === 'frame') texts.push(it.entry.frame);
      const frames = texts.map((x) => JSON.parse(x) as { event: string; data: Record<string, unknown> });
      const chat = parseFrame(texts[0]!, { validate: true });
      expect(chat.ok ? 'valid' : chat.error).toBe('valid');
      expect(frames[0]!.data).toMatchObject({ isModerator: true, gifterLevel: 14, userSceneTypes: [1, 8] });
      if (allKinds) {
        expect(frames.map((f) => f.event)).toEqual(['chat', 'goalUpdate', 'superFan', 'barrage', 'controlMessage']);
        for (const f of frames.slice(1)) {
          const r = tlcSchemas[f.event as keyof typeof tlcSchemas].safeParse(f.data);
          expect(r.success ? 'valid' : `${f.event}: ${r.error.message}`).toBe('valid');
        }
        expect(s.byKind).toMatchObject({ chat: 1, goalUpdate: 1, superFan: 1, barrage: 1, controlMessage: 1 });
        // tiksim inspect counts the TLC-style frames by their kind, as any other frame.
        const r = await inspectRecording(dir);
        expect([r.badLines, r.byKind]).toEqual([[], { chat: 1, goalUpdate: 1, superFan: 1, barrage: 1, controlMessage: 1 }]);
        expect(rec.noEventLine()).toBe('decoded, no TikFinity event: WebcastGoalUpdateMessage ×1, WebcastBarrageMessage ×1, WebcastControlMessage ×1 (written as TLC-style frames)');
      } else {
        expect(frames.map((f) => f.event)).toEqual(['chat']);
        expect(rec.noEventLine()).toBe(
          'decoded, no TikFinity event: WebcastGoalUpdateMessage ×1, WebcastBarrageMessage ×1, WebcastControlMessage ×1 (not recorded as frames; --all-kinds writes them; the raw entries keep every message)',
        );
      }
    }
  });
});
