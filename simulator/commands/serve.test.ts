import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLI } from '../../test/faults/helpers.ts';

/** `tiksim serve ...` from `cwd`; resolves when it exits or prints `until` (then it is killed). */
function serve(args: string[], opts: { cwd?: string; until?: RegExp } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-status', ...args], { cwd: opts.cwd ?? mkdtempSync(join(tmpdir(), 'tiksim-cwd-')) });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const check = (): void => {
      if (opts.until && opts.until.test(out)) child.kill('SIGINT');
    };
    child.stdout.on('data', (d: Buffer) => ((out += d.toString()), check()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('tiksim serve: flags that would be accepted and ignored are refused', () => {
  it.each([
    [['--speed', '2'], /--speed only applies to a replay: add --replay <recording>/],
    [['--from', '10s', '--loop'], /--loop, --from only apply to a replay/],
    [['--instant'], /--instant only applies to a replay/],
    [['--replay', 'quiet', '--instant', '--speed', '3'], /--speed has no effect with --instant/],
    [['--replay', 'quiet', '--loop-exact'], /--loop-exact only applies with --loop/],
  ])('serve %j: exit 2 with a message', async (args, message) => {
    const r = await serve(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('--from past the recording\'s end: exit 2 saying where the end is', async () => {
    const r = await serve(['--replay', 'quiet', '--from', '5m']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--from 300\.0 s is past the end of the recording \(59\.4 s\)/);
  });

  it('--scenario with --replay is harmless: a note, and the replay starts', async () => {
    const r = await serve(['--replay', 'quiet', '--scenario', 'busy'], { until: /replaying/ });
    expect(r.err).toMatch(/note: --scenario takes effect only when the replay is stopped/);
    expect(r.out).toMatch(/replaying quiet/);
  });

  it('a bundled recording is found by name from any folder; an unknown name lists the recordings and exits 1', async () => {
    const ok = await serve(['--replay', 'busy-streaks'], { until: /replaying busy-streaks/ });
    expect(ok.out).toMatch(/replaying busy-streaks/);
    const bad = await serve(['--replay', 'busy-streak']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/recording "busy-streak" not found: .*recordings there: busy-streaks, quiet/);
    expect(bad.err).not.toMatch(/GET \/api\/recordings/);
  });

  it('serve --help lists the rate kinds, the quirk names, examples and exit codes', async () => {
    const r = await new Promise<string>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'serve', '--help']);
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d.toString()));
      c.on('exit', () => resolve(out));
    });
    expect(r).toMatch(/--rates kinds.*chat=1\.5,like=4,gift=0\.25/);
    expect(r).toMatch(/--quirks names.*dropStreakEnd=0.*social=false/);
    expect(r).toMatch(/Examples:/);
    expect(r).toMatch(/Exit codes: 0 after Ctrl-C, 1 cannot start.*2 bad flags/);
  });
});

describe('tiksim serve --all-kinds', () => {
  it('generates the other TikTok kinds (TLC-style frames) at the rates given and says so in the banner and status', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-status', '--no-config', '--all-kinds', '--rates', 'goalUpdate=20,chat=0,like=0,member=0,gift=0'], { cwd: mkdtempSync(join(tmpdir(), 'tiksim-cwd-')) });
    try {
      const out = await new Promise<string>((resolve) => {
        let o = '';
        child.stdout.on('data', (d: Buffer) => {
          o += d.toString();
          if (/population \d+/.test(o)) resolve(o);
        });
      });
      expect(out).toMatch(/all TikTok kinds/);
      const url = /listening on (ws:\/\/[^\s]+)/.exec(out)![1]!;
      const got: { event: string; data: { common?: { method: string } } }[] = [];
      const ws = new WebSocket(url);
      ws.on('message', (d) => got.push(JSON.parse(String(d))));
      await new Promise((r) => ws.once('open', r));
      await new Promise((r) => setTimeout(r, 600));
      ws.close();
      expect(got.filter((f) => f.event === 'goalUpdate').length).toBeGreaterThan(2);
      expect(got.find((f) => f.event === 'goalUpdate')!.data.common!.method).toBe('WebcastGoalUpdateMessage');
      const status = (await (await fetch(`${url.replace('ws://', 'http://').replace(/\/$/, '')}/api/status`)).json()) as { allKinds: boolean };
      expect(status.allKinds).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('a timed replay waits for its first client', () => {
  it('nothing is sent before a client connects; the first client gets the recording from its start', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-status', '--replay', 'quiet', '--speed', '20'], { cwd: mkdtempSync(join(tmpdir(), 'tiksim-cwd-')) });
    try {
      const url = await new Promise<string>((resolve) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (ws:\/\/[^\s]+)/.exec(out);
          if (m) resolve(m[1]!);
        });
      });
      const http = url.replace('ws://', 'http://').replace(/\/$/, '');
      await new Promise((r) => setTimeout(r, 700)); // 14 s of recording at x20, had it started
      const before = (await (await fetch(`${http}/api/status`)).json()) as { sent: { total: number }; replay: { waitingForClient: boolean; positionMs: number } };
      expect(before.sent.total).toBe(0);
      expect(before.replay).toMatchObject({ waitingForClient: true, positionMs: 0 });
      const got: string[] = [];
      const ws = new WebSocket(url);
      ws.on('message', (d) => got.push(String(d)));
      await new Promise((r) => ws.once('open', r));
      await new Promise((r) => setTimeout(r, 300));
      ws.close();
      expect(got[0]).toMatch(/^\{"event":"config"/); // the recording's own first frame
    } finally {
      child.kill('SIGKILL');
    }
  });
});
