import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectRecording } from './inspect.ts';
import { chatFrame, startUpstream, tempDir, type Upstream } from './test-helpers.ts';

const CLI = join(import.meta.dirname, '..', 'bin', 'tiksim.js');

function run(args: string[], opts: { ulimitKb?: number } = {}): ChildProcess & { out: () => string; err: () => string; exit: Promise<number | null> } {
  const cmd = opts.ulimitKb
    ? spawn('bash', ['-c', `ulimit -f ${opts.ulimitKb}; exec node "$@"`, 'x', CLI, ...args])
    : spawn(process.execPath, [CLI, ...args]);
  let out = '';
  let err = '';
  cmd.stdout!.on('data', (d) => (out += d));
  cmd.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => cmd.on('exit', (code) => r(code)));
  return Object.assign(cmd, { out: () => out, err: () => err, exit });
}

let ups: Upstream[] = [];
afterEach(async () => {
  for (const u of ups) await u.kill().catch(() => undefined);
  ups = [];
});

describe('tiksim record (child process)', () => {
  it('kill -9 of the recorder leaves a file that inspect reads, holding a prefix of what was sent', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const child = run(['record', '--from', up.url, '--out', dir, '--no-media']);
    await up.waitForClients(1);
    const sent = Array.from({ length: 20000 }, (_, i) => chatFrame(i));
    const sending = up.send(sent).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    await child.exit;
    await sending;
    const r = await inspectRecording(dir);
    expect(r.frames).toBeGreaterThan(0);
    expect(r.badLines.filter((b) => !b.error.startsWith('truncated'))).toEqual([]);
    expect(r.byKind.chat).toBe(r.frames);
  });

  it('a full disk stops with a clear error and leaves what was written readable', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const child = run(['record', '--from', up.url, '--out', dir, '--no-media'], { ulimitKb: 64 });
    await up.waitForClients(1);
    void up.send(Array.from({ length: 2000 }, (_, i) => chatFrame(i))).catch(() => undefined);
    const code = await child.exit;
    expect(code).toBe(1);
    expect(child.err()).toMatch(/file size limit reached while writing .*events\.jsonl/);
    expect(child.err()).toMatch(/recorded \d+ frames/);
    const r = await inspectRecording(dir);
    expect(r.badLines).toEqual([]);
    expect(r.frames).toBeGreaterThan(50);
  });

  it('usage errors exit 2 with what was wrong', async () => {
    const c = run(['record', '--duration', 'soon']);
    expect(await c.exit).toBe(2);
    expect(c.err()).toMatch(/"soon" is not a duration/);
    const d = run(['inspect', '/no/such/recording']);
    expect(await d.exit).toBe(1);
    expect(d.err()).toMatch(/recording not found: \/no\/such\/recording/);
  });

  it('records until --duration and prints the summary', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const child = run(['record', '--from', up.url, '--out', dir, '--no-media', '--duration', '1s']);
    await up.waitForClients(1);
    await up.send(Array.from({ length: 100 }, (_, i) => chatFrame(i)));
    expect(await child.exit).toBe(0);
    expect(child.err()).toMatch(/recorded 100 frames/);
    expect(child.err()).toMatch(/events +chat 100/);
  });
});
