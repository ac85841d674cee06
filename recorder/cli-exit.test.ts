/**
 * Issue 12's CLI rough edges, through the real command line (`node bin/tiksim.js`) as a child process: failures exit
 * non-zero and say why, nothing left behind blocks a rerun, no message echoes binary, help says units, examples and
 * exit codes, and recordings are found by name.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, REPO, runCli, type CliChild } from '../test/faults/helpers.ts';
import { chatFrame, startUpstream, tempDir, type Upstream } from './test-helpers.ts';

/** A loopback port nobody listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The CLI with the offline guard preloaded: every connection beyond loopback fails, as on a machine with no internet. */
function runOffline(args: string[], timeoutMs = 40_000): CliChild {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', join(REPO, 'test', 'offline-guard.ts'), CLI, ...args], { cwd: REPO });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => (clearTimeout(timer), r(code))));
  return Object.assign(child, { out: () => out, err: () => err, exit });
}

/** Runs the CLI with `input` on stdin. */
function runWithStdin(args: string[], input: Buffer | string): CliChild {
  const c = runCli(args);
  c.stdin!.end(input);
  return c;
}

/** No byte of `s` is a control character (other than line ends) or U+FFFD: nothing binary was echoed. */
const printable = (s: string) => !/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(s.replace(/\x1b\[2K|\r/g, ''));

let ups: Upstream[] = [];
afterEach(async () => {
  for (const u of ups) await u.kill().catch(() => undefined);
  ups = [];
});

describe('record: a source that never answers', () => {
  it('--from where nothing listens: retries with backoff, says so, exits 1 naming the URL, leaves no folder; the same command works once it answers', async () => {
    const port = await deadPort();
    const url = `ws://127.0.0.1:${port}/`;
    const dir = join(tempDir(), 'rec');
    const a = runCli(['record', '--from', url, '--out', dir, '--no-media', '--duration', '1500ms']);
    expect(await a.exit).toBe(1);
    expect(a.err()).toContain(`nothing listening at ${url}; is TikFinity/tiksim running? (retrying with backoff`);
    expect(a.err()).toMatch(new RegExp(`nothing was recorded: nothing listening at ${url.replace(/[./]/g, '\\$&')}; is TikFinity/tiksim running\\? \\(\\d+ attempts over 0:00:01\\)`));
    expect(a.err()).toContain(`the empty recording folder ${dir} was removed`);
    expect(existsSync(dir)).toBe(false);

    // Nothing blocks a rerun, and a source that comes up while it retries is recorded.
    const b = runCli(['record', '--from', url, '--out', dir, '--no-media', '--max-events', '3']);
    while (!b.err().includes('nothing listening at')) await new Promise((r) => setTimeout(r, 20));
    const up = await startUpstream(port);
    ups.push(up);
    await up.waitForClients(1);
    await up.send([chatFrame(1), chatFrame(2), chatFrame(3)]);
    expect(await b.exit).toBe(0);
    expect(b.err()).toMatch(/recorded 3 frames/);
    expect(b.err()).toMatch(/gaps +1 /);
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8')).toContain('hello 3');
  }, 30_000);

  it('--from a server that accepts but sends nothing: exit 1, "sent no frames", no folder left', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const a = runCli(['record', '--from', up.url, '--out', dir, '--no-media', '--duration', '800ms']);
    expect(await a.exit).toBe(1);
    expect(a.err()).toContain(`nothing was recorded: connected to ${up.url}, but it sent no frames before the recording stopped (duration)`);
    expect(existsSync(dir)).toBe(false);
  });

  it('--tiktok offline: exit 1 with the reason, and no events.jsonl left to block a rerun', async () => {
    const dir = join(tempDir(), 'tt');
    const a = runOffline(['record', '--tiktok', 'someuser', '--out', dir, '--no-media']);
    expect(await a.exit).toBe(1);
    expect(a.err()).toMatch(/nothing was recorded: cannot connect to TikTok @someuser: .+ \(needs internet and a live stream\)/);
    expect(existsSync(join(dir, 'events.jsonl'))).toBe(false);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('an --out folder the user made beforehand is kept (only what the recorder made is removed)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const a = runCli(['record', '--from', `ws://127.0.0.1:${await deadPort()}/`, '--out', dir, '--no-media', '--duration', '300ms']);
    expect(await a.exit).toBe(1);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'events.jsonl'))).toBe(false);
    expect(existsSync(join(dir, 'media'))).toBe(false);
  });
});

describe('decode: no frame, no input', () => {
  it('base64 that holds no frame exits 1 and says so', async () => {
    const a = runCli(['decode', 'aGVsbG8=']);
    expect(await a.exit).toBe(1);
    expect(a.out()).toBe('');
    expect(a.err()).toBe('frame 1: holds no webcast message (5 bytes; not a TikTok push frame?)\ntiksim decode: no webcast message in the argument (1 frame read); is it a TikTok webcast push frame, base64 or binary?\n');
  });

  it('empty stdin exits 1 and says so', async () => {
    const a = runWithStdin(['decode'], '');
    expect(await a.exit).toBe(1);
    expect(a.err()).toBe('tiksim decode: stdin is empty: no frame to decode (give base64 text, a file of frames, or pipe them in)\n');
    const b = runWithStdin(['decode', '-'], '\n  \n');
    expect(await b.exit).toBe(1);
    expect(b.err()).toContain('stdin is empty');
  });

  it('an empty file exits 1 naming it; binary garbage is never echoed', async () => {
    const f = join(tempDir(), 'empty.b64');
    writeFileSync(f, '');
    const a = runCli(['decode', f]);
    expect(await a.exit).toBe(1);
    expect(a.err()).toContain(`tiksim decode: ${f} is empty`);
    const g = join(tempDir(), 'junk.bin');
    writeFileSync(g, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x80, 0x1b]));
    const b = runCli(['decode', g]);
    expect(await b.exit).toBe(1);
    expect(printable(b.err())).toBe(true);
  });

  it('no argument on a terminal prints usage and exits 2 instead of waiting', async () => {
    // `script` gives the child a real pseudo-terminal as stdin; -e passes its exit code through.
    const c = spawn('script', ['-eqc', `"${process.execPath}" "${CLI}" decode`, '/dev/null'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((r) => c.on('exit', (x) => (clearTimeout(timer), r(x))));
    expect(out).toContain('usage: tiksim decode <base64 | file | ->');
    expect(code).toBe(2);
  });
});

describe('messages never echo binary', () => {
  it('inspect of a binary file says "header is not JSON (binary data: is this a tiksim recording?)"', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'events.jsonl'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xef, 0xbf, 0xbd, 0x00, 0x9c]), Buffer.from('\n{"t":1,"frame":"x"}\n')]));
    const a = runCli(['inspect', dir]);
    expect(await a.exit).toBe(1);
    expect(a.err()).toBe(`tiksim: ${join(dir, 'events.jsonl')}:1: header is not JSON (binary data: is this a tiksim recording?)\n`);
    const b = runCli(['anonymize', dir, join(tempDir(), 'out'), '--seed', '1']);
    expect(await b.exit).toBe(1);
    expect(b.err()).toContain('header is not JSON (binary data: is this a tiksim recording?)');
  });

  it('a binary body line is reported as a bad line without its bytes', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'events.jsonl'),
      Buffer.concat([Buffer.from('{"type":"header","format":"tiksim-recording","version":1,"source":"x","startedAt":"2025-01-01T00:00:00.000Z","startMs":0,"tool":"t"}\n'), Buffer.from([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a, 0x0a])]),
    );
    const a = runCli(['inspect', dir]);
    expect(await a.exit).toBe(0);
    expect(a.out()).toContain('line 2: not JSON: binary data');
    expect(printable(a.out())).toBe(true);
  });
});

describe('help', () => {
  it('inspect --bucket shows its default with a unit', async () => {
    const a = runCli(['inspect', '--help']);
    expect(await a.exit).toBe(0);
    expect(a.out()).toMatch(/--bucket <time>[\s\S]*\(default: 10s\)/);
    expect(a.out()).not.toContain('10000');
  });

  it.each(['record', 'inspect', 'anonymize', 'decode'])('%s --help has examples and exit codes', async (cmd) => {
    const a = runCli([cmd, '--help']);
    expect(await a.exit).toBe(0);
    expect(a.out()).toMatch(/\nExamples?:\n {2}\$ tiksim /);
    expect(a.out()).toMatch(/Exit codes: 0 .*1 .*2 /s);
  });
});

describe('recordings by name', () => {
  it('inspect and anonymize find a bundled recording by name from any folder', async () => {
    const cwd = tempDir();
    const a = runCliIn(cwd, ['inspect', 'busy-streaks', '--json']);
    expect(await a.exit).toBe(0);
    expect((JSON.parse(a.out()) as { recording: string }).recording).toBe(join(REPO, 'recordings', 'busy-streaks'));
    const out = join(cwd, 'quiet-copy');
    const b = runCliIn(cwd, ['anonymize', 'quiet', '--out', out, '--seed', '5']);
    expect(await b.exit).toBe(0);
    expect(b.err()).toMatch(/anonymized 111 frames/);
  });

  it('a name in --recordings comes first; an unknown name says so and names tiksim list', async () => {
    const base = tempDir();
    mkdirSync(join(base, 'quiet'));
    writeFileSync(join(base, 'quiet', 'events.jsonl'), '{"type":"header","format":"tiksim-recording","version":1,"source":"mine","startedAt":"2025-01-01T00:00:00.000Z","startMs":0,"tool":"t"}\n{"t":5,"frame":"{\\"event\\":\\"chat\\",\\"data\\":{}}"}\n');
    const a = runCli(['inspect', 'quiet', '--recordings', base, '--json']);
    expect(await a.exit).toBe(0);
    expect(JSON.parse(a.out())).toMatchObject({ recording: join(base, 'quiet'), frames: 1 });
    const b = runCli(['inspect', 'busy', '--recordings', base]);
    expect(await b.exit).toBe(1);
    expect(b.err()).toBe(`tiksim: recording not found: busy is neither a folder nor the name of a recording in ${base} or the bundled ones; did you mean "busy-streaks"? (tiksim list shows them)\n`);
    const c = runCli(['anonymize', 'nope', '--out', join(base, 'x'), '--seed', '1']);
    expect(await c.exit).toBe(1);
    expect(c.err()).toMatch(/recording not found: nope .*\(tiksim list shows them\)/);
  });
});

/** runCli with another working directory. */
function runCliIn(cwd: string, args: string[]): CliChild {
  const child = spawn(process.execPath, [CLI, ...args], { cwd });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => (clearTimeout(timer), r(code))));
  return Object.assign(child, { out: () => out, err: () => err, exit });
}
