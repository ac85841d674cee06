import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AggregateFrame, Message } from '../../protocol/message.ts';
import { startTestIrcServer, type TestIrcServer } from '../../receivers/twitch-test-server.ts';
import { runCli, waitFor } from '../../test/faults/helpers.ts';
import { startSimulator, type Simulator } from '../../testing/simulator.ts';
import { formatMessage } from './watch-format.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sources(): Promise<{ sim: Simulator; irc: TestIrcServer }> {
  const sim = await startSimulator({ seed: 7, paused: true, chatBacklog: false, config: null });
  const irc = await startTestIrcServer();
  cleanups.push(() => sim.close(), () => irc.close());
  return { sim, irc };
}

const RESUB =
  '@badges=subscriber/6;display-name=Ronni;id=r1;login=ronni;msg-id=resub;msg-param-sub-plan=1000;system-msg=Ronni\\ssubscribed\\sfor\\s6\\smonths!;user-id=1337 :tmi.twitch.tv USERNOTICE #somechannel :Great stream';
const CHAT = '@display-name=Ab;id=x1;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #somechannel :hello from twitch';

describe('tiksim watch', () => {
  it('merges a TikFinity socket and Twitch chat into JSON lines, in arrival order', async () => {
    const { sim, irc } = await sources();
    const cli = runCli(['watch', '--tiktok-from', sim.wsUrl, '--twitch-from', irc.wsUrl, '--twitch-channel', 'SomeChannel', '--json', '--count', '3', '--mute'], { timeoutMs: 20_000 });
    cleanups.push(async () => cli.kill());
    await waitFor(() => /tikfinity \(.*\) connected/.test(cli.err()) && /twitch \(.*#somechannel\) connected/.test(cli.err()), 'both sources connected', 15_000);
    const c = await irc.waitConns(1);
    await waitFor(() => c.lines.includes('JOIN #somechannel'), 'JOIN');
    await sim.fire({ event: 'chat', data: { comment: 'hello from tiktok' } });
    await waitFor(() => cli.out().includes('hello from tiktok'), 'the TikTok chat printed');
    c.send(CHAT);
    await waitFor(() => cli.out().includes('hello from twitch'), 'the Twitch chat printed');
    c.send(RESUB);
    expect(await cli.exit).toBe(0);
    const lines = cli.out().trim().split('\n').map((l) => JSON.parse(l) as Message);
    expect(lines.map((m) => [m.platform, m.kind, m.text])).toEqual([
      ['tiktok', 'chat', 'hello from tiktok'],
      ['twitch', 'chat', 'hello from twitch'],
      ['twitch', 'resub', 'Great stream'],
    ]);
    expect(lines[2]).toMatchObject({ channel: '#somechannel', system: 'Ronni subscribed for 6 months!', amount: { value: 1, unit: 'sub', usdCents: 499 } });
    expect(lines[0]!.original.raw).toContain('"event":"chat"');
    expect(lines[1]!.original.raw).toBe(CHAT);
  });

  it('serves the merged stream on a loopback WebSocket: state first, then messages; prints the same as text', async () => {
    const { irc } = await sources();
    const cli = runCli(['watch', '--twitch-from', irc.tcpUrl, '--twitch-channel', 'somechannel', '--serve-port', '0', '--count', '2', '--mute'], { timeoutMs: 20_000 });
    cleanups.push(async () => cli.kill());
    await waitFor(() => /serving the merged stream on ws:\/\/127\.0\.0\.1:\d+\//.test(cli.err()), 'serving', 15_000);
    const url = /serving the merged stream on (ws:\/\/127\.0\.0\.1:\d+\/)/.exec(cli.err())![1]!;
    const ws = new WebSocket(url);
    const frames: AggregateFrame[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as AggregateFrame));
    await new Promise((r) => ws.once('open', r));
    const c = await irc.waitConns(1);
    await waitFor(() => c.lines.includes('JOIN #somechannel') && frames.some((f) => f.type === 'state' && f.sources[0]?.state === 'connected'), 'connected state on the socket');
    c.send(CHAT, '@bits=100;display-name=Ab;id=x2;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #somechannel :cheer100');
    await waitFor(() => frames.filter((f) => f.type === 'message').length === 2, 'two messages on the socket');
    expect(frames[0]!.type).toBe('state');
    const msgs = frames.flatMap((f) => (f.type === 'message' ? [f.message] : []));
    expect(msgs.map((m) => [m.kind, m.amount?.usdCents])).toEqual([['chat', undefined], ['cheer', 100]]);
    expect(await cli.exit).toBe(0);
    // The text output, as a terminal shows it.
    expect(cli.out()).toBe('[twitch #somechannel] Ab: hello from twitch\n[twitch #somechannel] Ab cheer "cheer100" (100 bits, $1.00)\n');
    ws.close();
  });

  it('refuses a socket request naming a foreign host (DNS rebinding)', async () => {
    const { irc } = await sources();
    const cli = runCli(['watch', '--twitch-from', irc.wsUrl, '--twitch-channel', 'somechannel', '--serve-port', '0', '--mute'], { timeoutMs: 20_000 });
    cleanups.push(async () => {
      cli.kill();
      await cli.exit;
    });
    await waitFor(() => /serving the merged stream on/.test(cli.err()), 'serving', 15_000);
    const url = /serving the merged stream on (ws:\/\/127\.0\.0\.1:\d+\/)/.exec(cli.err())![1]!;
    const ws = new WebSocket(url, { headers: { host: 'evil.example' } });
    const status = await new Promise<number>((r) => {
      ws.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0));
      ws.on('error', () => r(-1));
    });
    expect(status).toBe(403);
  });

  it('exits 1 with the reason when every source fails (a refused Twitch login)', async () => {
    const irc = await startTestIrcServer({ tokens: ['good'] });
    cleanups.push(() => irc.close());
    // The token comes from the environment, never a flag; the child inherits ours at spawn.
    process.env.TIKSIM_TWITCH_TOKEN = 'oauth:wrongtoken42';
    const cli = runCli(['watch', '--twitch-from', irc.wsUrl, '--twitch-channel', 'somechannel', '--twitch-nick', 'me', '--mute'], { timeoutMs: 20_000 });
    delete process.env.TIKSIM_TWITCH_TOKEN;
    cleanups.push(async () => cli.kill());
    expect(await cli.exit).toBe(1);
    expect(cli.err()).toContain('tiksim: every source failed:\n  twitch: Twitch refused the login: Login authentication failed;');
    expect(cli.err() + cli.out()).not.toContain('wrongtoken42');
    expect(irc.conns[0]!.lines).toContain('PASS oauth:wrongtoken42');
  }, 20_000);

  it('bad flags exit 2 with what to do', async () => {
    const cases: [string[], string][] = [
      [['watch'], 'nothing to watch: give --tiktok-from <url> or --tiktok <user>, --twitch-channel <name>, or both.'],
      [['watch', '--twitch-from', 'ws://127.0.0.1:1'], '--twitch-from needs a channel to join: add --twitch-channel <name>.'],
      [['watch', '--twitch-channel', 'bad name'], '"bad name" is not a Twitch channel name'],
      [['watch', '--tiktok-from', 'http://x'], '"http://x" must start with ws:// or wss://'],
      [['watch', '--twitch-channel', 'a', '--sound', 'x.wav', '--mute'], '--sound and --mute contradict each other: drop one.'],
      [['watch', '--twitch-channel', 'a', '--token', 's'], '--host and --token apply to the --serve-port socket'],
      [['watch', '--twitch-channel', 'a', '--sound', '/nonexistent.wav'], 'sound file /nonexistent.wav does not exist'],
      [['watch', '--twitch-channel', 'a', '--serve-port', '0', '--host', '0.0.0.0'], '--host 0.0.0.0 exposes the merged socket beyond this machine: add --token <secret>'],
    ];
    for (const [args, msg] of cases) {
      const cli = runCli(args);
      expect([await cli.exit, args.join(' ')]).toEqual([2, args.join(' ')]);
      expect(cli.err()).toContain(msg);
    }
  }, 60_000);
});

describe('formatMessage', () => {
  it('marks the platform and shows amounts in their unit and in dollars', () => {
    const base = { id: 'x', receiver: 'r', at: 0, emotes: [], original: { kind: 'k', data: null } };
    const user = { platform: 'tiktok' as const, id: '1', name: 'lena', displayName: 'Lena', badges: [], mod: false, subscriber: false };
    expect(formatMessage({ ...base, platform: 'tiktok', kind: 'gift', user, text: 'Rose', amount: { value: 5, unit: 'diamond', usdCents: 2.5 } })).toBe('[tiktok] Lena gift Rose (5 diamonds, $0.03)');
    expect(formatMessage({ ...base, platform: 'twitch', channel: '#c', kind: 'raid', user: { ...user, platform: 'twitch' }, amount: { value: 42, unit: 'viewer', usdCents: 0 } })).toBe('[twitch #c] Lena raid (42 viewers)');
    expect(formatMessage({ ...base, platform: 'twitch', kind: 'chat', user: { ...user, platform: 'twitch' }, text: 'a\x1b[31mb' }, true)).toBe('\x1b[35m[twitch]\x1b[0m Lena: a [31mb');
  });
});
