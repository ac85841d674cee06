import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { makeHeader } from '../../recorder/format.ts';
import { RecordingWriter } from '../../recorder/writer.ts';
import { mediaKey } from '../../recorder/media-urls.ts';
import { chatFrame, tempDir } from '../../recorder/test-helpers.ts';
import { createReplayer, listRecordings, serveRecordingMedia, type ReplayTarget } from './replayer.ts';
import { rewriteMediaUrls } from './rewrite.ts';

function makeRecording(frames: Array<[number, string]>, name = 'rec'): string {
  const dir = join(tempDir(), name);
  const w = RecordingWriter.create(dir, makeHeader('test', 1_700_000_000_000, 'tiksim test'));
  for (const [t, f] of frames) w.writeFrame(t, f);
  w.close();
  return dir;
}

function collector(): ReplayTarget & { got: Array<{ at: number; text: string; event: string }> } {
  const got: Array<{ at: number; text: string; event: string }> = [];
  return { got, send: (text, event) => got.push({ at: performance.now(), text, event }), writable: () => true, whenWritable: async () => undefined };
}

const ended = (r: { status(): { ended: boolean } }) =>
  new Promise<void>((res) => {
    const t = setInterval(() => r.status().ended && (clearInterval(t), res()), 2);
  });

describe('replayer', () => {
  it('delivers byte-identical frames in order to real ws clients, instant', async () => {
    const frames = Array.from({ length: 3000 }, (_, i) => chatFrame(i)) ;
    const dir = makeRecording(frames.map((f, i) => [i, f]));
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.on('listening', r));
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`);
    const got: string[] = [];
    client.on('message', (d) => got.push(d.toString()));
    const sock = await new Promise<WebSocket>((r) => wss.on('connection', r));
    await new Promise((r) => client.on('open', r));
    const target: ReplayTarget = {
      send: (t) => sock.send(t),
      writable: () => sock.bufferedAmount < 64 * 1024,
      whenWritable: () => new Promise((r) => setTimeout(r, 1)),
    };
    const rep = await createReplayer({ path: dir, instant: true, rewriteMedia: false, mediaBase: 'http://x' }, target);
    rep.start();
    await ended(rep);
    while (got.length < frames.length) await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual(frames);
    expect(rep.status()).toMatchObject({ framesSent: 3000, framesTotal: 3000, ended: true });
    client.close();
    wss.close();
  });

  it('schedules every frame against the start, never early and without drift (lateness figures: npm run bench)', async () => {
    const frames: Array<[number, string]> = Array.from({ length: 200 }, (_, i) => [i * 3, chatFrame(i)]);
    for (const speed of [1, 2]) {
      const dir = makeRecording(frames);
      const c = collector();
      const rep = await createReplayer({ path: dir, speed, mediaBase: 'http://x', rewriteMedia: false }, c);
      const t0 = performance.now();
      rep.start();
      await ended(rep);
      const late = c.got.map((g, i) => g.at - t0 - frames[i]![0] / speed);
      expect(Math.min(...late)).toBeGreaterThanOrEqual(-1);
      // Scheduling against the start time means a stall delays frames but does not push every later frame back:
      // the end of the run is no later than its start (loose bounds: other test files share the two cores).
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      expect(median(late.slice(-20))).toBeLessThanOrEqual(median(late.slice(0, 20)) + 15);
    }
  });

  it('plays a slice, pauses, resumes, seeks and changes speed', async () => {
    const frames: Array<[number, string]> = Array.from({ length: 100 }, (_, i) => [i * 10, `{"event":"chat","data":{"i":${i}}}`]);
    const dir = makeRecording(frames);
    const c = collector();
    const rep = await createReplayer({ path: dir, fromMs: 200, toMs: 500, mediaBase: 'http://x' }, c);
    rep.start();
    // Wait for frames rather than for time, so a loaded machine cannot fail the test.
    while (c.got.length < 10) await new Promise((r) => setTimeout(r, 2));
    rep.pause();
    const n = c.got.length;
    expect(rep.status().paused).toBe(true);
    const pos = rep.status().positionMs;
    expect(pos).toBeGreaterThanOrEqual(200 + (n - 1) * 10);
    await new Promise((r) => setTimeout(r, 60));
    expect(c.got.length).toBe(n);
    expect(rep.status().positionMs).toBe(pos);
    rep.seek(450);
    rep.resume();
    rep.setSpeed(4);
    await ended(rep);
    const idx = c.got.map((g) => (JSON.parse(g.text) as { data: { i: number } }).data.i);
    expect(idx[0]).toBe(20);
    expect(idx.slice(n)).toEqual([45, 46, 47, 48, 49, 50]);
    expect(rep.status()).toMatchObject({ ended: true, positionMs: 500, speed: 4 });
  });

  it('loops', async () => {
    const dir = makeRecording([[0, '{"event":"a"}'], [5, '{"event":"b"}']]);
    const c = collector();
    const rep = await createReplayer({ path: dir, loop: true, mediaBase: 'http://x' }, c);
    rep.start();
    while (c.got.length < 7) await new Promise((r) => setTimeout(r, 2));
    rep.stop();
    expect(c.got.slice(0, 6).map((g) => g.event)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('rewrites image URLs to /media/rec/<key> and leaves every other byte', () => {
    const url = 'https://p16-sign.tiktokcdn.com/a/b~c.webp?x=1&y=%2F';
    const text = `{"event":"chat","data":{"profilePictureUrl":"${url}","comment":"see https://example.com/page","userDetails":{"profilePictureUrls":["${url}"]}}}`;
    const out = rewriteMediaUrls(text, 'http://127.0.0.1:21213');
    const local = `http://127.0.0.1:21213/media/rec/${mediaKey(url)}`;
    expect(out).toBe(text.split(url).join(local));
  });

  it('stops on a bad line with file:line, or skips it with skipBad; a truncated last line is reported', async () => {
    const dir = makeRecording([[0, '{"event":"a"}']]);
    appendFileSync(join(dir, 'events.jsonl'), 'garbage\n{"t":3,"frame":"{\\"event\\":\\"b\\"}"}\n{"t":4,');
    await expect(createReplayer({ path: dir, mediaBase: 'http://x' }, collector())).rejects.toMatchObject({
      code: 'E_REC_BAD_LINE',
      message: expect.stringMatching(/events\.jsonl:3: not JSON.*--skip-bad/),
    });
    const c = collector();
    const bad: Array<{ line: number; error: string }> = [];
    const rep = await createReplayer({ path: dir, mediaBase: 'http://x', skipBad: true, onBadLine: (b) => bad.push(b) }, c);
    rep.start();
    await ended(rep);
    expect(c.got.map((g) => g.event)).toEqual(['a', 'b']);
    expect(bad.map((b) => b.line).sort()).toEqual([3, 5]);
  });

  it('rejects a missing recording and a wrong header with codes', async () => {
    await expect(createReplayer({ path: '/no/such', mediaBase: 'x' }, collector())).rejects.toMatchObject({ code: 'E_REC_NOT_FOUND' });
  });

  it('lists recordings and serves media or a placeholder with CORS', async () => {
    const dir = makeRecording([[0, '{"event":"a"}'], [1234, '{"event":"b"}']], 'one');
    const list = await listRecordings(join(dir, '..'));
    expect(list).toEqual([expect.objectContaining({ name: 'one', frames: 2, durationMs: 1234, source: 'test' })]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'media', 'abc123.png'), 'PNGDATA');
    const server = createServer((req, res) => serveRecordingMedia(dir, req.url!.slice(1), res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const a = await fetch(`${base}/abc123`);
    expect(a.headers.get('content-type')).toBe('image/png');
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    expect(await a.text()).toBe('PNGDATA');
    const b = await fetch(`${base}/ffff`);
    expect(b.headers.get('x-tiksim-placeholder')).toBe('1');
    expect((await fetch(`${base}/..%2F..%2Fetc`)).status).toBe(400);
    server.close();
  });
});
