import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../test/faults/helpers.ts';
import { parseIrcLine } from '../../protocol/twitch/index.ts';
import { makeHeader } from '../../recorder/format.ts';
import { RecordingWriter } from '../../recorder/writer.ts';
import { tcpClient, wsClient } from '../twitch/test-helpers.ts';

/** `tiksim serve --twitch ...`: resolves with the child and its output once `until` is printed, or when it exits. */
function serve(args: string[], until?: RegExp): Promise<{ child: ChildProcess; code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-status', ...args]);
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (until?.test(out)) resolve({ child, code: null, out, err });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ child, code, out, err });
    });
  });
}

async function json(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('tiksim serve --twitch', () => {
  it('runs the fake Twitch beside the TikTok socket: generated chat on TCP and WebSocket, fired events through the API', async () => {
    const s = await serve(['--seed', '5', '--twitch', '--twitch-port', '0', '--twitch-tcp-port', '0', '--twitch-rates', 'chat=20', '--twitch-ping', '2s'], /twitch +ws:\/\/\S+ +and irc:\/\/\S+/);
    try {
      const m = /twitch +ws:\/\/127\.0\.0\.1:(\d+)\/ +and irc:\/\/127\.0\.0\.1:(\d+)/.exec(s.out)!;
      expect(s.out).toMatch(/PING every 2s/);
      const api = /api +(http:\/\/\S+)\/api\/status/.exec(s.out)![1]!;
      const tcp = await tcpClient(Number(m[2]));
      const ws = await wsClient(`ws://127.0.0.1:${m[1]}/`);
      for (const c of [tcp, ws]) c.send('CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan99\r\nJOIN #somechannel\r\n');
      const line = await tcp.waitFor(/ PRIVMSG #somechannel :/, 5000);
      expect(parseIrcLine(line).ok).toBe(true);
      await ws.waitFor(/ PRIVMSG #somechannel :/, 5000);
      const fired = await json(`${api}/api/twitch/events`, 'POST', { kind: 'raid', user: 'testchannel', viewers: 15 });
      expect(fired).toEqual({ status: 202, body: { ok: true, kind: 'raid', channels: ['somechannel'] } });
      expect(await ws.waitFor(/msg-id=raid/)).toMatch(/system-msg=15\\sraiders\\sfrom\\stestchannel\\shave\\sjoined!;/);
      const st = await json(`${api}/api/twitch/status`);
      expect(st.body['pingMs']).toBe(2000);
      expect((st.body['clients'] as unknown[]).length).toBe(2);
      const bad = await json(`${api}/api/twitch/events`, 'POST', { kind: 'follow' });
      expect(bad.status).toBe(400);
      expect((bad.body['error'] as { message: string }).message).toBe('"kind" must be one of chat, cheer, sub, resub, subgift, submysterygift, raid, announcement, clearchat, clearmsg, roomstate; got "follow"');
      const rates = await json(`${api}/api/twitch/rates`, 'PUT', { chat: 0, nope: 1 });
      expect((rates.body['error'] as { code: string; message: string }).message).toMatch(/^unknown Twitch rate kind "nope"; valid kinds: chat, cheer/);
      const rc = await json(`${api}/api/twitch/faults/reconnect`, 'POST', { afterMs: 10 });
      expect(rc.body).toEqual({ told: 2, closeAfterMs: 10 });
      await tcp.waitFor(/RECONNECT/);
      await tcp.closed();
      tcp.close();
      ws.close();
    } finally {
      s.child.kill('SIGINT');
    }
  });

  it('answers /api/twitch/ with E_TWITCH_OFF on a server without --twitch', async () => {
    const s = await serve(['--seed', '5'], /api +http:\/\/\S+/);
    try {
      const api = /api +(http:\/\/\S+)\/api\/status/.exec(s.out)![1]!;
      const r = await json(`${api}/api/twitch/status`);
      expect(r.status).toBe(409);
      expect(r.body).toEqual({ error: { code: 'E_TWITCH_OFF', message: 'the fake Twitch is not running: start the server with --twitch (tiksim serve --twitch)' } });
    } finally {
      s.child.kill('SIGINT');
    }
  });

  it.each([
    [['--twitch', '--twitch-rates', 'chat=2,follow=1'], /unknown Twitch rate kind "follow"; valid kinds: chat, cheer, sub, resub, subgift, submysterygift, raid, announcement, clearchat, clearmsg, roomstate/],
    [['--twitch', '--twitch-ping', '10ms'], /"10ms" is too short for a PING interval; use at least 50ms/],
    [['--twitch-port', '0'], /--twitch-port only apply with --twitch/],
    [['--twitch', '--twitch-scenario', 'hyp'], /Twitch scenario "hyp" is neither a preset \(quiet, busy, hype\) nor a readable file\./],
  ])('serve %j: exit 2 with a message', async (args, message) => {
    const r = await serve(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('exits 1 with the project\'s clear message when the Twitch TCP port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await serve(['--twitch', '--twitch-port', '0', '--twitch-tcp-port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`port ${port} on 127.0.0.1 is already in use (another fake or real IRC server may run there); stop it, or choose another port with --twitch-tcp-port <n>`);
    } finally {
      busy.close();
    }
  });

  it('--twitch-replay plays a Twitch recording on the fake Twitch, byte-identical, instead of generated chat', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tiksim-serve-twitch-replay-')), 'rec');
    const w = RecordingWriter.create(dir, { ...makeHeader('twitch #recorded', Date.UTC(2025, 0, 1), 'tiksim test'), platform: 'twitch', channel: '#recorded' });
    const lines = [
      '@badge-info=;badges=;color=#0D4200;display-name=Ab;emotes=25:0-4;id=x1;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #recorded :Kappa hello',
      '@display-name=Ronni;id=r1;login=ronni;msg-id=resub;msg-param-sub-plan=1000;system-msg=Ronni\\ssubscribed!;user-id=1337 :tmi.twitch.tv USERNOTICE #recorded :Great stream',
    ];
    lines.forEach((l, i) => w.writeFrame(i * 100, l));
    w.close();
    const s = await serve(['--twitch', '--twitch-port', '0', '--no-twitch-tcp', '--twitch-rates', 'chat=50', '--twitch-replay', dir], /twitch +replaying/);
    try {
      const port = /twitch +ws:\/\/127\.0\.0\.1:(\d+)\//.exec(s.out)![1];
      const ws = await wsClient(`ws://127.0.0.1:${port}/`);
      ws.send('CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan7\r\nJOIN #recorded\r\n');
      expect(await ws.waitFor(/ PRIVMSG #recorded :Kappa hello/, 5000)).toBe(lines[0]);
      expect(await ws.waitFor(/USERNOTICE #recorded/, 5000)).toBe(lines[1]);
      // Generated chat is paused while a recording plays (chat=50 would have sent dozens of lines by now).
      await new Promise((r) => setTimeout(r, 300));
      expect(ws.lines.filter((l) => / PRIVMSG /.test(l))).toHaveLength(1);
      ws.close();
      const missing = await serve(['--twitch', '--twitch-port', '0', '--no-twitch-tcp', '--twitch-replay', join(dir, 'nope')]);
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/--twitch-replay: Twitch recording ".*nope" not found/);
    } finally {
      s.child.kill('SIGINT');
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });
});
