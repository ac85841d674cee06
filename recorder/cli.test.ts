import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectRecording } from './inspect.ts';
import { chatFrame, startUpstream, tempDir, type Upstream } from './test-helpers.ts';
import { runCli } from '../test/faults/helpers.ts';

/** The real CLI as a child process (test/faults/helpers.ts). */
const run = runCli;

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
