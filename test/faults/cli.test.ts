import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runCli, waitFor } from './helpers.ts';
import { brokenRecordings } from './replay-cases.ts';

describe('tiksim serve: exit codes and messages', () => {
  it('a port already in use: exit 1, naming the port and --port', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const c = runCli(['serve', '--port', String(port), '--no-status']);
      expect(await c.exit).toBe(1);
      expect(c.err()).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      expect(c.err()).toMatch(/--port <n>/);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  // Commander prints the errors it raises itself (argParser), but an InvalidArgumentError thrown from the action
  // (serveOptions: --host without --token, --rates) reaches simulator/cli.ts's catch, which exits 2 without printing.
  it('--host 0.0.0.0 without --token: exit 2 with a message asking for --token', async () => {
    const c = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--no-status']);
    expect(await c.exit).toBe(2);
    expect(c.err()).toMatch(/binding to 0\.0\.0\.0 exposes the simulator.*add --token <secret>/);
  });

  it('bad flags: --port abc and --rates chat=x exit 2 naming what was wrong', async () => {
    const port = runCli(['serve', '--port', 'abc', '--no-status']);
    const rates = runCli(['serve', '--port', '0', '--rates', 'chat=x', '--no-status']);
    const [pc, rc] = await Promise.all([port.exit, rates.exit]);
    expect(pc).toBe(2);
    expect(port.err()).toMatch(/'-p, --port <port>' argument 'abc' is invalid\. "abc" is not a whole number/);
    expect(rc).toBe(2);
    expect(rates.err()).toMatch(/rate "chat" must be a number of events per second, got "x"/);
  });

  it('serve --replay of a broken recording exits 1 with the file:line message; --skip-bad carries on', async () => {
    const broken = brokenRecordings().filter((b) => ['empty', 'newer-version', 'missing-header', 'bad-line'].includes(b.name));
    const runs = broken.map((b) => ({ b, c: runCli(['serve', '--replay', b.dir, '--port', '0', '--no-status']) }));
    const badLine = broken.find((b) => b.name === 'bad-line')!;
    const skip = runCli(['serve', '--replay', badLine.dir, '--skip-bad', '--port', '0', '--no-status']);
    for (const { b, c } of runs) {
      expect({ name: b.name, code: await c.exit }).toEqual({ name: b.name, code: 1 });
      expect(c.err(), b.name).toMatch(/^tiksim: cannot start: /);
      expect(c.err().replace(/^tiksim: cannot start: /, ''), b.name).toMatch(b.message);
    }
    await waitFor(() => /tiksim listening on ws:\/\/127\.0\.0\.1:\d+\//.test(skip.out()), 'the --skip-bad server to start', 15_000);
    expect(skip.out()).toMatch(/replaying .*bad-line/);
    // A timed replay starts at its first client.
    const ws = new WebSocket(/tiksim listening on (ws:\/\/\S+)/.exec(skip.out())![1]!);
    ws.on('error', () => {});
    await waitFor(() => /skipped bad line 3/.test(skip.err()), 'the skipped line to be reported', 10_000);
    ws.terminate();
    skip.kill('SIGTERM');
    expect(await skip.exit).toBe(0);
    expect(skip.err()).toMatch(/skipped bad line 3: not JSON/);
  });
});
