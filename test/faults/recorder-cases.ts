/**
 * Recorder fault cases, shared by the tests (small counts) and bench/faults.ts (larger counts). Each case throws an
 * Error saying what broke, or returns what it checked.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Recorder } from '../../recorder/record.ts';
import { inspectRecording } from '../../recorder/inspect.ts';
import { chatFrame, startImageServer, startStandInCdn, startUpstream } from '../../recorder/test-helpers.ts';
import { CLI, exactPrefix, readRaw, runCli, sleep, tempDir, tinyTmpfs, waitFor } from './helpers.ts';

/** Frames that stress the exact-text promise: escapes, newlines, U+2028, astral characters, empty, large. */
export function oddFrames(seed: number): string[] {
  return [
    chatFrame(seed),
    '',
    ' ',
    'not json at all',
    '{"event":"chat","data":{"comment":"two\nlines\r\n and a \u2028 separator"}}',
    `{"event":"gift","data":{"nickname":"ünï 😀 \\" \\\\ \u0000\u001f","n":${seed}}}`,
    '{"event":"like"',
    JSON.stringify({ event: 'chat', data: { comment: 'x'.repeat(40_000 + (seed % 1000)) } }),
  ];
}

/** A 16 KiB chat frame. */
function bigChat(p: number, i: number): string {
  return JSON.stringify({ event: 'chat', data: { comment: `${p}/${i} ` + 'ü'.repeat(8000), uniqueId: `u${i % 50}` } });
}

/** Makes `n` frames for phase `p`: mostly chats, with the odd ones mixed in. */
function phaseFrames(p: number, n: number): string[] {
  const odd = oddFrames(p);
  return Array.from({ length: n }, (_, i) => (i % 25 === 7 ? odd[(Math.floor(i / 25) + p) % odd.length]! : chatFrame(p * 100_000 + i)));
}

/**
 * The upstream is killed and restarted `restarts` times. Every frame sent while the recorder was connected must be on
 * disk, in order, byte for byte, with one gap marker per outage, placed between the phases.
 */
export async function restartsCase(restarts: number, perPhase: number): Promise<{ frames: number; gaps: number }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const rec = new Recorder({ from: up.url, outDir: dir, media: false, backoffMs: { initial: 10, max: 40 }, rng: () => 0.5 });
  try {
    rec.start();
    const sent: string[] = [];
    const boundaries: number[] = [];
    for (let p = 0; p <= restarts; p++) {
      await waitFor(() => up.clients() >= 1, `the recorder to (re)connect, phase ${p}`);
      const frames = phaseFrames(p, perPhase);
      await up.send(frames);
      sent.push(...frames);
      await waitFor(() => rec.stats.frames >= sent.length, `${sent.length} frames recorded in phase ${p}`);
      if (p === restarts) break;
      boundaries.push(sent.length);
      await up.kill();
      // Sent while nobody is connected: must not appear anywhere.
      await up.send(['{"event":"chat","data":{"comment":"into the void"}}']);
      await sleep(15 + p * 10);
      await up.revive();
    }
    const summary = await rec.stop();
    if (summary.error) throw new Error(`recorder failed: ${summary.error.message}`);
    const raw = readRaw(join(dir, 'events.jsonl'));
    const got = exactPrefix(raw, sent);
    if (got.frames !== sent.length || got.cut) throw new Error(`on disk ${got.frames} of ${sent.length} frames (cut: ${got.cut})`);
    // Where each gap sits: after exactly the frames of the phases before it.
    let frames = 0;
    const gapAt: number[] = [];
    let lastT = -1;
    for (const line of raw.lines) {
      const o = JSON.parse(line) as { type?: string; t: number; durationMs?: number; reason?: string };
      if (o.t < lastT) throw new Error(`t went back from ${lastT} to ${o.t}`);
      lastT = o.t;
      if (o.type === 'gap') {
        gapAt.push(frames);
        if (!(typeof o.durationMs === 'number' && o.durationMs >= 0 && o.reason)) throw new Error(`bad gap line ${line}`);
      } else if (o.type === undefined) frames++;
    }
    if (JSON.stringify(gapAt) !== JSON.stringify(boundaries)) throw new Error(`gaps after frames ${gapAt.join(',')}, expected ${boundaries.join(',')}`);
    return { frames: sent.length, gaps: gapAt.length };
  } finally {
    await rec.stop();
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/**
 * The upstream dies in the middle of a burst, `rounds` times. Frames in flight may be lost, so the property is: each
 * connected phase left an exact prefix of its own frames, then a gap; nothing reordered, duplicated or invented.
 */
export async function midBurstKillCase(rounds: number, perPhase: number): Promise<{ frames: number; sent: number }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const rec = new Recorder({ from: up.url, outDir: dir, media: false, backoffMs: { initial: 10, max: 40 }, rng: () => 0.5 });
  const phases: string[][] = [];
  try {
    rec.start();
    for (let p = 0; p <= rounds; p++) {
      await waitFor(() => up.clients() >= 1, `the recorder to (re)connect, phase ${p}`);
      // Large frames, so the burst outgrows the kernel's socket buffers and some are still in flight at the kill.
      const frames = phaseFrames(p + 50, perPhase).map((f, i) => (i % 25 === 7 ? f : bigChat(p, i)));
      phases.push(frames);
      if (p === rounds) {
        const before = rec.stats.frames;
        await up.send(frames);
        await waitFor(() => rec.stats.frames >= before + frames.length, 'the last phase recorded');
        break;
      }
      const before = rec.stats.frames;
      const sending = up.send(frames).catch(() => undefined);
      // Kill once the recorder is part-way through this burst, a different way through each round.
      const part = Math.floor((frames.length * (1 + (p % 3))) / 6);
      await waitFor(() => rec.stats.frames >= before + part, `${part} frames into burst ${p}`);
      await up.kill();
      await sending;
      await up.revive();
    }
    const summary = await rec.stop();
    if (summary.error) throw new Error(`recorder failed: ${summary.error.message}`);
    const raw = readRaw(join(dir, 'events.jsonl'));
    if (raw.tail.length) throw new Error('a stopped recorder left a cut last line');
    // Split the file at gap lines into phases and match each with an exact prefix of what that phase sent.
    const onDisk: string[][] = [[]];
    for (const line of raw.lines) {
      const o = JSON.parse(line) as { type?: string; frame?: string };
      if (o.type === 'gap') onDisk.push([]);
      else if (o.type === undefined) onDisk[onDisk.length - 1]!.push(o.frame!);
    }
    if (onDisk.length !== phases.length) throw new Error(`${onDisk.length - 1} gaps for ${rounds} outages`);
    let total = 0;
    for (const [i, got] of onDisk.entries()) {
      const want = phases[i]!;
      if (got.length > want.length) throw new Error(`phase ${i}: ${got.length} frames on disk, ${want.length} sent`);
      for (const [j, f] of got.entries()) if (f !== want[j]) throw new Error(`phase ${i}, frame ${j}: not what was sent at that place`);
      total += got.length;
    }
    if (onDisk[onDisk.length - 1]!.length !== phases[phases.length - 1]!.length) throw new Error('the final, undisturbed phase lost frames');
    return { frames: total, sent: phases.reduce((n, p) => n + p.length, 0) };
  } finally {
    await rec.stop();
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/**
 * `tiksim record` as a child, fed frames as fast as the socket takes them, SIGKILLed after `killAfterBytes` of the
 * file were written: the file must be an exact prefix of what was sent, at most one line cut, and readable by inspect.
 * With `quiesce`, it is killed only once every sent frame is on disk: then nothing at all may be missing.
 */
export async function killNineCase(opts: { killAfterBytes: number; quiesce?: number }): Promise<{ frames: number; cut: boolean }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const events = join(dir, 'events.jsonl');
  const child = runCli(['record', '--from', up.url, '--out', dir, '--no-media']);
  try {
    await waitFor(() => up.clients() >= 1, 'the recorder child to connect', 10_000);
    let sent: string[];
    if (opts.quiesce) {
      sent = phaseFrames(7, opts.quiesce);
      await up.send(sent);
      await waitFor(() => framesOnDisk(events, sent) === sent.length, 'every frame on disk before the kill', 10_000);
      child.kill('SIGKILL');
      await child.exit;
    } else {
      sent = Array.from({ length: 40_000 }, (_, i) => (i % 97 === 5 ? oddFrames(i)[i % 7]! : chatFrame(i)));
      const sending = up.send(sent).catch(() => undefined);
      await waitFor(() => sizeOf(events) >= opts.killAfterBytes, `${opts.killAfterBytes} bytes on disk`, 10_000);
      child.kill('SIGKILL');
      await child.exit;
      await sending;
    }
    const got = exactPrefix(readRaw(events), sent);
    if (got.frames === 0) throw new Error('nothing was recorded before the kill');
    if (opts.quiesce && (got.frames !== sent.length || got.cut)) throw new Error(`a quiet kill lost frames: ${got.frames} of ${sent.length}`);
    const r = await inspectRecording(dir);
    const bad = r.badLines.filter((b) => !b.error.startsWith('truncated'));
    if (bad.length) throw new Error(`inspect found bad lines: ${JSON.stringify(bad)}`);
    if (r.frames !== got.frames) throw new Error(`inspect counts ${r.frames} frames, the file holds ${got.frames}`);
    return got;
  } finally {
    child.kill('SIGKILL');
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

function framesOnDisk(events: string, sent: string[]): number {
  try {
    return exactPrefix(readRaw(events), sent).frames;
  } catch {
    return -1;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A full disk: a real 64 KiB tmpfs (ENOSPC) when mounting is allowed, else `ulimit -f 64` (EFBIG). The child must stop
 * with exit 1 and a message naming the file, the lines before intact and whole (the cut line removed).
 */
export async function diskFullCase(): Promise<{ frames: number; how: 'ENOSPC' | 'EFBIG'; stderr: string }> {
  const fs = tinyTmpfs(64);
  const up = await startUpstream();
  const dir = join(fs ? fs.dir : tempDir(), 'rec');
  const child = runCli(['record', '--from', up.url, '--out', dir, '--no-media'], fs ? {} : { ulimitKb: 64 });
  try {
    await waitFor(() => up.clients() >= 1, 'the recorder child to connect', 10_000);
    const sent = Array.from({ length: 3000 }, (_, i) => chatFrame(i));
    void up.send(sent).catch(() => undefined);
    const code = await child.exit;
    const stderr = child.err();
    if (code !== 1) throw new Error(`exit code ${code}, expected 1; stderr: ${stderr}`);
    const want = fs ? /the disk is full while writing \S*events\.jsonl/ : /file size limit reached while writing \S*events\.jsonl/;
    if (!want.test(stderr)) throw new Error(`unclear message: ${stderr}`);
    if (!/what was written up to then is readable/.test(stderr)) throw new Error(`no hint that the file is readable: ${stderr}`);
    const raw = readRaw(join(dir, 'events.jsonl'));
    const got = exactPrefix(raw, sent);
    if (got.cut) throw new Error('the partial last line was not cut');
    if (got.frames < 50) throw new Error(`only ${got.frames} frames before the disk filled`);
    const r = await inspectRecording(dir);
    if (r.badLines.length || r.truncated) throw new Error(`inspect: ${JSON.stringify(r.badLines)}`);
    return { frames: got.frames, how: fs ? 'ENOSPC' : 'EFBIG', stderr };
  } finally {
    child.kill('SIGKILL');
    await up.kill().catch(() => undefined);
    fs?.unmount();
    if (!fs) rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Security probes (issue 11) and the smaller bugs they found. Each case throws naming what got through.

/** Reads every entry of a recording (header, frames, notes) as parsed lines, with the project's reader. */
async function notesOf(dir: string): Promise<Array<{ kind: string; url?: string; ok?: boolean; error?: string; reason?: string; file?: string }>> {
  const { openRecording, readEntries } = await import('../../recorder/reader.ts');
  const out: Array<{ kind: string; url?: string; ok?: boolean; error?: string; reason?: string; file?: string }> = [];
  for await (const it of readEntries(await openRecording(dir))) if ('entry' in it) out.push(it.entry as (typeof out)[number]);
  return out;
}

/**
 * Probe 5: a recorded stream full of URLs the recorder must not fetch (in a comment, a nickname, an avatar on another
 * host, TikTok's CDN over http, a CDN redirect to another host), beside ones it must (TikTok's CDN over https,
 * reached through a stand-in; the token-protected recorded server's own origin). The "attacker" server must see no
 * request at all; the token goes to the recorded server only; non-images and oversized bodies are refused.
 */
export async function fetchPolicyCase(): Promise<{ captured: number; skipped: number; failed: number; attackerHits: number }> {
  const token = 't0k-' + process.pid;
  const up = await startUpstream(0, { token });
  const cdn = await startStandInCdn();
  const attacker = await startImageServer();
  const dir = join(tempDir(), 'rec');
  const a = attacker.base;
  const user = (avatar: string, more: Record<string, unknown> = {}) => ({ userId: '1', uniqueId: 'u1', nickname: 'n1', profilePictureUrl: avatar, ...more });
  const frames = [
    // Only the avatar (a CDN image) may be fetched; the comment and nickname URLs are text.
    { event: 'chat', data: { ...user('https://p16-sign.tiktokcdn-us.com/img/avatar.png'), nickname: `${a}/img/nick.png`, comment: `${a}/img/comment.png` } },
    // The recorded server's own origin, token-protected: fetched with its token.
    { event: 'gift', data: { ...user(`${up.http}/img/own.png`), giftPictureUrl: `${up.http}/img/gift.png` } },
    // An image field on another host, TikTok's CDN over http: skipped unfetched.
    { event: 'chat', data: { ...user(`${a}/img/avatar.png`), comment: 'hi' } },
    { event: 'chat', data: { ...user('http://p16-sign.tiktokcdn.com/img/plain.png'), comment: 'hi' } },
    // A CDN redirect off the list is not followed; one within the list is.
    { event: 'emote', data: { ...user('https://p16-sign.tiktokcdn.com/img/avatar2.png'), emoteImageUrl: `https://p16-webcast.tiktokcdn.com/redirect?to=${encodeURIComponent(`${a}/img/redirected.png`)}` } },
    { event: 'emote', data: { ...user('https://p16-sign.tiktokcdn.com/img/avatar2.png'), emoteImageUrl: `https://p16-webcast.tiktokcdn.com/redirect?to=${encodeURIComponent('https://p19-webcast.tiktokcdn.com/img/hop.png')}` } },
    // Badge pictures are image fields too; a web page, an SVG, an empty body and 6 MiB are refused after one request.
    { event: 'chat', data: { ...user('https://p16-sign.tiktokcdn.com/html'), userBadges: [{ type: 'x', badgeSceneType: 1, url: 'https://p19-webcast.tiktokcdn.com/img/badge.png' }], comment: 'x' } },
    { event: 'chat', data: { ...user('https://p16-sign.tiktokcdn.com/svg'), comment: 'x' } },
    { event: 'chat', data: { ...user('https://p16-sign.tiktokcdn.com/empty'), comment: 'x' } },
    { event: 'chat', data: { ...user('https://p16-sign.tiktokcdn.com/kb/6144.png'), comment: 'x' } },
  ].map((f) => JSON.stringify(f));
  const rec = new Recorder({ from: `${up.url}?token=${token}`, outDir: dir, fetchImpl: cdn.fetch, maxEvents: frames.length });
  try {
    rec.start();
    await waitFor(() => up.clients() >= 1, 'the recorder to connect with its token');
    await up.send(frames);
    const s = await rec.done;
    if (s.error) throw new Error(`recorder failed: ${s.error.message}`);
    const attackerHits = [...attacker.hits.values()].reduce((n, x) => n + x, 0);
    if (attackerHits) throw new Error(`the attacker's server was asked for ${[...attacker.hits.keys()].join(', ')}`);
    const off = cdn.requested.filter((u) => !/^https:\/\/[a-z0-9.-]+\.tiktokcdn(-us)?\.com\//.test(u) && !u.startsWith(up.http + '/'));
    if (off.length) throw new Error(`fetched off the allowed hosts: ${off.join(', ')}`);
    const byUrl = new Map((await notesOf(dir)).filter((n) => n.kind === 'media').map((n) => [n.url!, n]));
    const expectNote = (url: string, want: RegExp | true) => {
      const n = byUrl.get(url);
      if (!n) throw new Error(`no media note for ${url}`);
      if (want === true ? !n.ok : n.ok || !want.test(n.error ?? '')) throw new Error(`${url}: ${JSON.stringify(n)}, expected ${want}`);
    };
    expectNote('https://p16-sign.tiktokcdn-us.com/img/avatar.png', true);
    expectNote(`${up.http}/img/own.png`, true);
    expectNote(`${up.http}/img/gift.png`, true);
    expectNote(`${a}/img/nick.png`, /^skipped: not in an image field$/);
    expectNote(`${a}/img/comment.png`, /^skipped: not in an image field$/);
    expectNote(`${a}/img/avatar.png`, /^skipped: .* is neither TikTok's image CDN/);
    expectNote('http://p16-sign.tiktokcdn.com/img/plain.png', /^skipped: .*not https/);
    expectNote(`https://p16-webcast.tiktokcdn.com/redirect?to=${encodeURIComponent(`${a}/img/redirected.png`)}`, /^skipped: a redirect leads to 127\.0\.0\.1:\d+/);
    expectNote(`https://p16-webcast.tiktokcdn.com/redirect?to=${encodeURIComponent('https://p19-webcast.tiktokcdn.com/img/hop.png')}`, true);
    expectNote('https://p19-webcast.tiktokcdn.com/img/badge.png', true);
    expectNote('https://p16-sign.tiktokcdn.com/html', /^not an image \(text\/html\)$/);
    expectNote('https://p16-sign.tiktokcdn.com/svg', /^not an image \(image\/svg\+xml\)$/);
    expectNote('https://p16-sign.tiktokcdn.com/empty', /^empty body$/);
    expectNote('https://p16-sign.tiktokcdn.com/kb/6144.png', /^too large/);
    // The token went to the recorded server, as a header, and nowhere else.
    if (up.auth.get('/img/gift.png') !== `Bearer ${token}`) throw new Error(`the recorded server's token was not carried: ${up.auth.get('/img/gift.png')}`);
    if ([...cdn.auth.values()].some((v) => v !== undefined)) throw new Error('an Authorization header was sent to the CDN');
    const files = readdirSync(join(dir, 'media')).filter((f) => f !== 'index.json');
    if (files.length !== s.media.ok) throw new Error(`media/ holds ${files.length} files for ${s.media.ok} captured images: ${files.join(', ')}`);
    return { captured: s.media.ok, skipped: s.media.skipped, failed: s.media.failed, attackerHits };
  } finally {
    await rec.stop();
    await up.kill().catch(() => undefined);
    await cdn.close();
    await attacker.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/**
 * Probe 7 (recorder part): `tiksim record --from 'ws://…/?token=…'` must not write the token anywhere (header, any
 * line, media/), nor print it; `inspect` must not show it, even for a recording made before (token in its header).
 */
export async function tokenSourceCase(): Promise<{ frames: number }> {
  const token = 's3cret-' + process.pid;
  const up = await startUpstream(0, { token });
  const base = tempDir();
  const dir = join(base, 'rec');
  const child = runCli(['record', '--from', `${up.url}?token=${token}&room=7`, '--out', dir, '--max-events', '3']);
  try {
    await waitFor(() => up.clients() >= 1, 'the recorder child to connect with its token', 10_000);
    await up.send([0, 1, 2].map((i) => chatFrame(i, `${up.http}/img/u${i}.png`)));
    const code = await child.exit;
    if (code !== 0) throw new Error(`record exited ${code}: ${child.err()}`);
    const leaks: string[] = [];
    if (child.out().includes(token) || child.err().includes(token)) leaks.push('record output');
    for (const f of [join(dir, 'events.jsonl'), ...readdirSync(join(dir, 'media')).map((f) => join(dir, 'media', f))]) {
      if (readFileSync(f).includes(token)) leaks.push(f);
    }
    const header = JSON.parse(readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n')[0]!) as { source: string };
    if (header.source !== `${up.url}?room=7`) throw new Error(`header source is ${header.source}`);
    if ((up.hits.get('/img/u0.png') ?? 0) < 1 || up.auth.get('/img/u0.png') !== `Bearer ${token}`) throw new Error('media were not fetched with the token');
    // A recording made before the fix: the token sits in its header. inspect never shows it.
    const old = join(base, 'old');
    mkdirSync(old);
    writeFileSync(join(old, 'events.jsonl'), readFileSync(join(dir, 'events.jsonl'), 'utf8').replace(`"source":"${header.source}"`, `"source":"${up.url}?token=${token}&room=7"`));
    for (const args of [['inspect', dir], ['inspect', old], ['inspect', old, '--json']]) {
      const c = runCli(args);
      if ((await c.exit) !== 0) throw new Error(`${args.join(' ')} exited non-zero: ${c.err()}`);
      if (c.out().includes(token) || c.err().includes(token)) leaks.push(args.join(' '));
      if (!c.out().includes('room=7')) throw new Error(`${args.join(' ')} lost the rest of the source: ${c.out().slice(0, 200)}`);
    }
    if (leaks.length) throw new Error(`the token leaked into: ${leaks.join(', ')}`);
    return { frames: 3 };
  } finally {
    child.kill('SIGKILL');
    await up.kill().catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  }
}

/** The smaller bug: every outage gets its own close reason in its gap marker, not the first outage's. */
export async function gapReasonsCase(): Promise<string[]> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const rec = new Recorder({ from: up.url, outDir: dir, media: false, backoffMs: { initial: 10, max: 20 }, rng: () => 0.5 });
  try {
    rec.start();
    for (const [i, why] of ['first outage', 'second outage', 'third outage'].entries()) {
      await waitFor(() => up.clients() >= 1 && rec.stats.state === 'connected', `connection ${i + 1}`);
      await up.send([chatFrame(i)]);
      await waitFor(() => rec.stats.frames > i, `frame ${i}`);
      up.closeClients(4001 + i, why);
      await waitFor(() => rec.stats.state !== 'connected', `the close of connection ${i + 1}`);
    }
    await waitFor(() => rec.stats.gaps.length >= 3, 'three gaps written');
    await rec.stop();
    const reasons = (await notesOf(dir)).filter((n) => n.kind === 'gap').map((n) => n.reason!);
    const want = ['closed (4001 first outage)', 'closed (4002 second outage)', 'closed (4003 third outage)'];
    if (JSON.stringify(reasons) !== JSON.stringify(want)) throw new Error(`gap reasons ${JSON.stringify(reasons)}, expected ${JSON.stringify(want)}`);
    return reasons;
  } finally {
    await rec.stop();
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/**
 * The smaller bug: `inspect` of a recording with an absurd offset (1e308 took V8 out of memory, 5e9 overflowed the
 * stack; 1e309 is Infinity) answers at once, naming the line, in a child held to a small heap.
 */
export async function absurdOffsetCase(): Promise<{ offsets: number }> {
  const base = tempDir();
  const offsets = ['1e308', '5e9', '1e309'];
  try {
    for (const [i, t] of offsets.entries()) {
      const dir = join(base, `rec${i}`);
      mkdirSync(dir);
      const header = JSON.stringify({ type: 'header', format: 'tiksim-recording', version: 1, source: 'test', startedAt: new Date(0).toISOString(), startMs: 0, tool: 't' });
      writeFileSync(join(dir, 'events.jsonl'), `${header}\n{"t":5,"frame":${JSON.stringify(chatFrame(1))}}\n{"t":${t},"frame":${JSON.stringify(chatFrame(2))}}\n{"type":"gap","t":9,"durationMs":${t},"reason":"x"}\n`);
      const child = spawn(process.execPath, [CLI, 'inspect', dir], { env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=200' } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      clearTimeout(timer);
      if (code !== 0) throw new Error(`inspect of t=${t} exited ${code}: ${err.slice(-300)}`);
      if (!/line 3: frame: t: .*not a plausible recording offset|line 3: frame: t: .*expected number/.test(out)) throw new Error(`inspect of t=${t} does not name the bad line: ${out}`);
      if (!/line 4: gap: durationMs/.test(out)) throw new Error(`inspect of t=${t} does not name the bad gap: ${out}`);
      if (!/frames +1\b/.test(out)) throw new Error(`inspect of t=${t} miscounts: ${out}`);
    }
    return { offsets: offsets.length };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * The smaller bug: a full disk (a 64 KiB tmpfs, else `ulimit -f 64`) while an image is written leaves no file for it
 * in media/ (no zero-byte or partial image replay would serve), notes the failure, and still captures what fits.
 */
export async function mediaDiskFullCase(): Promise<{ how: 'ENOSPC' | 'EFBIG'; files: string[] }> {
  const fs = tinyTmpfs(64);
  const up = await startUpstream();
  const base = fs ? fs.dir : tempDir();
  const dir = join(base, 'rec');
  const big = `${up.http}/kb/200.png`;
  const small = `${up.http}/img/small.png`;
  const child = runCli(['record', '--from', up.url, '--out', dir, '--max-events', '2'], fs ? {} : { ulimitKb: 64 });
  try {
    await waitFor(() => up.clients() >= 1, 'the recorder child to connect', 10_000);
    await up.send([chatFrame(1, big)]);
    await waitFor(() => (up.hits.get('/kb/200.png') ?? 0) >= 1, 'the big image requested', 10_000);
    await sleep(200);
    await up.send([chatFrame(2, small)]);
    const code = await child.exit;
    if (code !== 0) throw new Error(`record exited ${code}: ${child.err()}`);
    const files = readdirSync(join(dir, 'media')).sort();
    const notes = new Map((await notesOf(dir)).filter((n) => n.kind === 'media').map((n) => [n.url!, n]));
    const { mediaKey } = await import('../../recorder/media-urls.ts');
    if (files.some((f) => f.startsWith(mediaKey(big)) || f.includes('.part'))) throw new Error(`a partial image stayed in media/: ${files.join(', ')}`);
    const n = notes.get(big);
    if (!n || n.ok || !/ENOSPC|EFBIG/.test(n.error ?? '')) throw new Error(`the failed write was not noted: ${JSON.stringify(n)}`);
    if (!notes.get(small)?.ok || !files.some((f) => f.startsWith(mediaKey(small)))) throw new Error(`the small image was not captured after the failure: ${files.join(', ')}`);
    for (const f of files) if (statSync(join(dir, 'media', f)).size === 0) throw new Error(`zero-byte file in media/: ${f}`);
    return { how: fs ? 'ENOSPC' : 'EFBIG', files };
  } finally {
    child.kill('SIGKILL');
    await up.kill().catch(() => undefined);
    if (fs) fs.unmount();
    else rmSync(base, { recursive: true, force: true });
  }
}

/** The smaller bug: `record --out` where no folder can be made (/proc/x) exits 1 at once with a clear message. */
export async function unmakeableOutCase(): Promise<{ ms: number; stderr: string }> {
  const started = Date.now();
  const child = runCli(['record', '--from', 'ws://127.0.0.1:9/', '--out', '/proc/tiksim-nope/rec', '--no-media'], { timeoutMs: 8000 });
  const code = await child.exit;
  const ms = Date.now() - started;
  if (code !== 1) throw new Error(`exit ${code} after ${ms} ms, expected 1 at once; stderr: ${child.err()}`);
  if (!/cannot create \/proc\/tiksim-nope\/rec\S*: .*choose another folder with --out/.test(child.err())) throw new Error(`unclear message: ${child.err()}`);
  return { ms, stderr: child.err() };
}

/** A recording full of identity in awkward places, for the anonymize probes. Returns its folder and what must go. */
function identityRecording(base: string, extraFrames = 0): { dir: string; secrets: string[] } {
  const dir = join(base, 'raw');
  mkdirSync(join(dir, 'media'), { recursive: true });
  const header = { type: 'header', format: 'tiksim-recording', version: 1, source: 'ws://192.168.1.20:21213/?token=hunter2', startedAt: new Date(0).toISOString(), startMs: 0, tool: 't', name: 'Jessicas Friday Stream' };
  const u = (id: string, handle: string, nick: string) => ({ userId: id, secUid: 'MS4wLjABAAAA' + handle, uniqueId: handle, nickname: nick, profilePictureUrl: `https://p16-sign.tiktokcdn.com/tos-avt-${handle}.webp` });
  const lines = [
    JSON.stringify(header),
    // @mentions of viewers before their own first frame, and a nickname quoted in plain text.
    JSON.stringify({ t: 0, frame: JSON.stringify({ event: 'chat', data: { ...u('101', 'alice.wonder', 'Alice W'), comment: '@bob_the_builder and @Carol99 say hi to Dave Dancer!' } }) }),
    // Frames that do not parse, holding identity.
    JSON.stringify({ t: 5, frame: 'not json, from bob_the_builder (Bob B)' }),
    JSON.stringify({ t: 6, frame: '{"event":"chat","data":{"uniqueId":"carol99","comment":"cut' }),
    JSON.stringify({ t: 10, frame: JSON.stringify({ event: 'gift', data: { ...u('102', 'bob_the_builder', 'Bob B'), giftName: 'Rose', describe: 'sent Rose', label: 'thanks Carol99', giftPictureUrl: 'https://p19-webcast.tiktokcdn.com/img/rose.png' } }) }),
    JSON.stringify({ t: 20, frame: JSON.stringify({ event: 'member', data: { ...u('103', 'carol99', 'Carol'), extra: { note: 'carol99 via alice.wonder' } } }) }),
    JSON.stringify({ t: 30, frame: JSON.stringify({ event: 'like', data: { ...u('104', 'dave', 'Dave Dancer'), likeCount: 3 } }) }),
    JSON.stringify({ type: 'gap', t: 40, durationMs: 5, reason: 'kicked by alice.wonder' }),
    ...Array.from({ length: extraFrames }, (_, i) => JSON.stringify({ t: 50 + i, frame: JSON.stringify({ event: 'chat', data: { ...u(String(1000 + (i % 500)), `viewer${i % 500}`, `Viewer Nick ${i % 500}`), comment: `@alice.wonder ${'x'.repeat(200)}` } }) })),
  ];
  writeFileSync(join(dir, 'events.jsonl'), lines.join('\n') + '\n');
  return { dir, secrets: ['alice.wonder', 'bob_the_builder', 'Bob B', 'Carol99', 'carol99', 'Alice W', 'Dave Dancer', 'Jessicas Friday Stream', 'hunter2', '192.168.1.20', 'tos-avt-'] };
}

/** Every byte of a folder, as one text (to look for what must not be there). */
function allText(dir: string): string {
  let out = '';
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out += readFileSync(join(e.parentPath, e.name), 'latin1') + '\n';
  return out;
}

/**
 * Probe 6: `tiksim anonymize` leaves no known handle or nickname anywhere (an @mention before the viewer's first
 * frame, plain text, other fields, a gap reason), replaces the header's name and source, drops (and counts) frames
 * that do not parse unless --keep-bad, keeps catalog text (giftName "Rose") intact.
 */
export async function anonymizeLeakCase(): Promise<{ dropped: number; keptWithFlag: number }> {
  const base = tempDir();
  try {
    const { dir, secrets } = identityRecording(base);
    const out = join(base, 'anon');
    const c = runCli(['anonymize', dir, out, '--seed', '3']);
    if ((await c.exit) !== 0) throw new Error(`anonymize exited non-zero: ${c.err()}`);
    const text = allText(out);
    const leaked = secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
    if (leaked.length) throw new Error(`the anonymized copy still holds ${leaked.join(', ')}`);
    const lines = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n');
    const header = JSON.parse(lines[0]!) as { name?: string; source: string };
    if (header.source !== 'anonymized' || header.name !== 'anon') throw new Error(`header ${lines[0]}`);
    const frames = lines.slice(1).map((l) => JSON.parse(l) as { frame?: string }).filter((l) => l.frame !== undefined);
    if (frames.length !== 4) throw new Error(`${frames.length} frames in the copy, expected the 4 that parse`);
    if (!/dropped 2 frames|2 not TikFinity JSON dropped/.test(c.err())) throw new Error(`the dropped frames are not counted: ${c.err()}`);
    const gift = JSON.parse(frames[1]!.frame!) as { data: { giftName: string; describe: string; label: string } };
    if (gift.data.giftName !== 'Rose' || gift.data.describe !== 'sent Rose') throw new Error(`catalog text changed: ${frames[1]!.frame}`);
    const chat = JSON.parse(frames[0]!.frame!) as { data: { comment: string } };
    if (!/^@viewer_[0-9a-f]{8} and @viewer_[0-9a-f]{8} say hi to Viewer [0-9a-f]{6}!$/.test(chat.data.comment)) throw new Error(`comment ${chat.data.comment}`);
    // --keep-bad keeps them, with the known names replaced.
    const kept = join(base, 'kept');
    const k = runCli(['anonymize', dir, kept, '--seed', '3', '--keep-bad']);
    if ((await k.exit) !== 0) throw new Error(`anonymize --keep-bad exited non-zero: ${k.err()}`);
    const keptText = allText(kept);
    const leakedKept = secrets.filter((s) => keptText.toLowerCase().includes(s.toLowerCase()));
    if (leakedKept.length) throw new Error(`--keep-bad kept ${leakedKept.join(', ')}`);
    const keptFrames = readFileSync(join(kept, 'events.jsonl'), 'utf8').trim().split('\n').slice(1).filter((l) => l.startsWith('{"t":'));
    if (keptFrames.length !== 6) throw new Error(`--keep-bad: ${keptFrames.length} frames, expected 6`);
    return { dropped: 2, keptWithFlag: 2 };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * Probe 6, atomic: `tiksim anonymize` killed with SIGKILL mid-way leaves nothing under the target's name, so the
 * same command run again succeeds; into an existing recording it refuses, naming --out, which works.
 */
export async function anonymizeCrashCase(frames = 30_000): Promise<{ killedAtBytes: number }> {
  const base = tempDir();
  try {
    const { dir } = identityRecording(base, frames);
    const out = join(base, 'anon');
    const args = ['anonymize', dir, out, '--seed', '9'];
    const child = runCli(args, { timeoutMs: 60_000 });
    // Kill once the copy is part-way written (in whichever folder it is being written).
    let killedAtBytes = 0;
    await waitFor(() => {
      for (const n of readdirSync(base)) {
        if (n === 'raw') continue;
        try {
          killedAtBytes = statSync(join(base, n, 'events.jsonl')).size;
        } catch {
          continue;
        }
        if (killedAtBytes > 200_000) return true;
      }
      return false;
    }, 'the copy part-way written', 30_000);
    child.kill('SIGKILL');
    await child.exit;
    if (readdirSync(base).includes('anon')) throw new Error(`a killed anonymize left ${out} behind (${killedAtBytes} bytes written)`);
    const again = runCli(args, { timeoutMs: 60_000 });
    if ((await again.exit) !== 0) throw new Error(`the rerun failed: ${again.err()}`);
    const r = await inspectRecording(out);
    if (r.frames !== frames + 4 || r.badLines.length) throw new Error(`the rerun's copy: ${r.frames} frames, ${r.badLines.length} bad lines`);
    const left = readdirSync(base).filter((n) => n !== 'raw' && n !== 'anon');
    if (left.length) throw new Error(`temporary folders left after the rerun: ${left.join(', ')}`);
    // Into an existing recording: refused with a message naming a flag that exists.
    const third = runCli(args);
    if ((await third.exit) !== 1 || !/already exists; choose a new folder with --out/.test(third.err())) throw new Error(`into an existing copy: ${third.err()}`);
    const viaOut = runCli(['anonymize', dir, '--out', join(base, 'anon2'), '--seed', '9']);
    if ((await viaOut.exit) !== 0) throw new Error(`--out failed: ${viaOut.err()}`);
    return { killedAtBytes };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** The recorder's issue-11 probes and the smaller bugs they found: a name and a run that throws when one got through. */
export const RECORDER_PROBES: ReadonlyArray<{ name: string; run: () => Promise<unknown> }> = [
  { name: 'probe 5: fetch policy (image fields, CDN over https or the recorded origin with its token, redirects, types, cap)', run: fetchPolicyCase },
  { name: 'probe 6: anonymize leaves no known name, replaces header name and source, drops bad frames', run: anonymizeLeakCase },
  { name: 'probe 6: anonymize killed mid-way leaves nothing that blocks a rerun', run: () => anonymizeCrashCase() },
  { name: 'probe 7: a token in --from is never written, printed or shown', run: tokenSourceCase },
  { name: 'gap markers carry each outage\'s own reason', run: gapReasonsCase },
  { name: 'inspect of absurd offsets answers at once', run: absurdOffsetCase },
  { name: 'a full disk leaves no partial image in media/', run: mediaDiskFullCase },
  { name: 'record --out /proc/x exits 1 at once', run: unmakeableOutCase },
];

/**
 * Issue 12: `tiksim record --from` a port where nothing listens retries with backoff, exits 1 naming the URL, and
 * leaves no folder; the same command then records once the source answers.
 */
export async function deadSourceCase(): Promise<{ attempts: number }> {
  const probe = await startUpstream();
  const port = probe.port;
  await probe.kill();
  const url = `ws://127.0.0.1:${port}/`;
  const dir = join(tempDir(), 'rec');
  const a = runCli(['record', '--from', url, '--out', dir, '--no-media', '--duration', '1200ms']);
  const code = await a.exit;
  if (code !== 1) throw new Error(`exit ${code}, expected 1; stderr: ${a.err()}`);
  const m = /nothing was recorded: nothing listening at (\S+); is TikFinity\/tiksim running\? \((\d+) attempts/.exec(a.err());
  if (!m || m[1] !== url) throw new Error(`no "nothing listening at ${url}" in: ${a.err()}`);
  if (!a.err().includes('retrying with backoff')) throw new Error(`no retry note in: ${a.err()}`);
  if (existsSync(dir)) throw new Error(`${dir} was left behind`);
  const b = runCli(['record', '--from', url, '--out', dir, '--no-media', '--max-events', '2']);
  await waitFor(() => b.err().includes('nothing listening at'), 'the rerun to report the dead source');
  const up = await startUpstream(port);
  try {
    await up.waitForClients(1);
    await up.send([chatFrame(1), chatFrame(2)]);
    const code2 = await b.exit;
    if (code2 !== 0) throw new Error(`rerun exit ${code2}; stderr: ${b.err()}`);
  } finally {
    await up.kill();
  }
  return { attempts: Number(m[2]) };
}

/**
 * Issue 13: back-to-back duplicates and binary frames all land on disk, in order: text exactly, binary as `binary`
 * entries with their exact bytes.
 */
export async function everyFrameCase(): Promise<{ frames: number; binary: number }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const rec = new Recorder({ from: up.url, outDir: dir, media: false });
  try {
    rec.start();
    await up.waitForClients(1);
    const bin = Buffer.from([0x08, 0x01, 0xff, 0x00, 0x80, 0x1f, 0x8b]);
    const a = chatFrame(1);
    const sent: Array<string | Buffer> = [a, a, bin, bin, a, chatFrame(2), bin];
    await up.send(sent);
    await waitFor(() => rec.stats.frames >= sent.length, `${sent.length} frames recorded`);
    await rec.stop();
    const lines = readRaw(join(dir, 'events.jsonl')).lines.map((l) => JSON.parse(l) as { type?: string; frame?: string; b64?: string });
    const got = lines.map((l) => (l.type === 'binary' ? Buffer.from(l.b64!, 'base64') : l.frame!));
    if (got.length !== sent.length) throw new Error(`${got.length} entries on disk, ${sent.length} sent`);
    sent.forEach((s, i) => {
      const g = got[i]!;
      const same = typeof s === 'string' ? g === s : Buffer.isBuffer(g) && g.equals(s);
      if (!same) throw new Error(`entry ${i + 1} differs from what was sent`);
    });
    return { frames: rec.stats.frames, binary: rec.stats.binary };
  } finally {
    await rec.stop();
    await up.kill();
  }
}

/** Issue 12/13 recorder probes, for bench/faults.ts to count beside RECORDER_PROBES. */
export const RECORDER_ISSUE12_13_PROBES: ReadonlyArray<{ name: string; run: () => Promise<unknown> }> = [
  { name: 'record --from a dead port: retries, exits 1 naming the URL, leaves no folder; the rerun records', run: deadSourceCase },
  { name: 'every frame kept: back-to-back duplicates and binary frames, in order, exact', run: everyFrameCase },
];
