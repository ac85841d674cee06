import { join } from 'node:path';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder } from './record.ts';
import { openRecording, readEntries } from './reader.ts';
import type { Entry } from './format.ts';
import { chatFrame, startImageServer, startUpstream, tempDir, type Upstream } from './test-helpers.ts';

async function entries(dir: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const it of readEntries(await openRecording(dir))) {
    if (!('entry' in it)) throw new Error(`bad line ${it.line}: ${it.bad}`);
    out.push(it.entry);
  }
  return out;
}
const framesOf = (es: Entry[]) => es.flatMap((e) => (e.kind === 'frame' ? [e.frame] : []));

let ups: Upstream[] = [];
afterEach(async () => {
  for (const u of ups) await u.kill().catch(() => undefined);
  ups = [];
});

describe('Recorder over a real WebSocket upstream', () => {
  it('a recording of N events holds exactly the N frames sent, in order', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: up.url, outDir: dir, media: false, maxEvents: 5000 });
    rec.start();
    await up.waitForClients(1);
    const sent = Array.from({ length: 5000 }, (_, i) => chatFrame(i));
    await up.send(sent);
    const summary = await rec.done;
    expect(summary.reason).toBe('max-events');
    expect(summary.frames).toBe(5000);
    expect(summary.byKind).toEqual({ chat: 5000 });
    const es = await entries(dir);
    expect(framesOf(es)).toEqual(sent);
    const ts = es.map((e) => e.t);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    const header = JSON.parse(readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n')[0]!);
    expect(header).toMatchObject({ type: 'header', format: 'tiksim-recording', version: 1, source: up.url });
  });

  it('killing the upstream mid-recording yields a gap marker and no loss outside the outage', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: up.url, outDir: dir, media: false, backoffMs: { initial: 50, max: 200 }, rng: () => 0.5 });
    rec.start();
    await up.waitForClients(1);
    const before = Array.from({ length: 300 }, (_, i) => chatFrame(i));
    await up.send(before);
    await new Promise((r) => setTimeout(r, 50));
    await up.kill();
    await new Promise((r) => setTimeout(r, 400));
    expect(rec.snapshot().state).toBe('reconnecting');
    await up.revive();
    await up.waitForClients(1);
    const after = Array.from({ length: 300 }, (_, i) => chatFrame(1000 + i));
    await up.send(after);
    await new Promise((r) => setTimeout(r, 100));
    const summary = await rec.stop();
    expect(summary.gaps).toHaveLength(1);
    const es = await entries(dir);
    expect(framesOf(es)).toEqual([...before, ...after]);
    const gapIdx = es.findIndex((e) => e.kind === 'gap');
    expect(gapIdx).toBe(300);
    const gap = es[gapIdx]!;
    expect(gap.kind === 'gap' && gap.durationMs).toBeGreaterThanOrEqual(350);
  });

  it('notes an outage still open when stopped, and keeps trying while the upstream is absent', async () => {
    const up = await startUpstream();
    const url = up.url;
    await up.kill();
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: url, outDir: dir, media: false, backoffMs: { initial: 20, max: 50 } });
    rec.start();
    await new Promise((r) => setTimeout(r, 300));
    const s = await rec.stop();
    expect(s.reconnects).toBeGreaterThan(2);
    const es = await entries(dir);
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ kind: 'gap', t: 0, reason: expect.stringMatching(/ECONNREFUSED.*not reconnected before the recording stopped/) });
  });

  it('downloads each distinct image once, notes failures, and never holds frames back', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: up.url, outDir: dir, maxEvents: 40 });
    rec.start();
    await up.waitForClients(1);
    // Images from the recorded server's own origin (as tiksim serves them).
    const sent = Array.from({ length: 40 }, (_, i) => chatFrame(i, i % 10 === 9 ? `${up.http}/fail/x.png` : `${up.http}/img/u${i % 4}.png`));
    await up.send(sent);
    const s = await rec.done;
    expect(s.frames).toBe(40);
    expect(s.media).toEqual({ ok: 4, failed: 1, pending: 0, skipped: 0 });
    for (let i = 0; i < 4; i++) expect(up.hits.get(`/img/u${i}.png`)).toBe(1);
    expect(up.hits.get('/fail/x.png')).toBe(4); // 1 try + 3 retries
    const es = await entries(dir);
    expect(framesOf(es)).toEqual(sent);
    const notes = es.filter((e) => e.kind === 'media');
    expect(notes).toHaveLength(5);
    expect(notes.find((n) => n.kind === 'media' && !n.ok)).toMatchObject({ error: 'HTTP 500' });
    const index = JSON.parse(readFileSync(join(dir, 'media', 'index.json'), 'utf8')) as Record<string, { file?: string }>;
    for (const v of Object.values(index)) if (v.file) expect(existsSync(join(dir, 'media', v.file))).toBe(true);
    expect(readdirSync(join(dir, 'media')).filter((f) => f.endsWith('.png'))).toHaveLength(4);
  });

  it('images from another loopback port are skipped, never fetched (not the recorded server, not TikTok\'s CDN)', async () => {
    const img = await startImageServer();
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: up.url, outDir: dir, maxEvents: 3 });
    rec.start();
    await up.waitForClients(1);
    await up.send([0, 1, 2].map((i) => chatFrame(i, `${img.base}/img/u${i}.png`)));
    const s = await rec.done;
    await img.close();
    expect(s.media).toEqual({ ok: 0, failed: 0, pending: 0, skipped: 3 });
    expect(img.hits.size).toBe(0);
    const notes = (await entries(dir)).filter((e) => e.kind === 'media');
    expect(notes[0]).toMatchObject({ ok: false, error: `skipped: ${img.base.slice(7)} is neither TikTok's image CDN (https) nor the recorded server (http://127.0.0.1:${up.port})` });
  });
});
