import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestIrcServer } from '../receivers/twitch-test-server.ts';
import { runCli, waitFor } from '../test/faults/helpers.ts';
import { openRecording, readEntries } from './reader.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'tiksim-twitch-rec-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

const LINES = [
  '@badge-info=;badges=;color=#0D4200;display-name=Ab;emotes=25:0-4;id=x1;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #somechannel :Kappa hello',
  '@display-name=Ronni;id=r1;login=ronni;msg-id=resub;msg-param-sub-plan=1000;system-msg=Ronni\\ssubscribed!;user-id=1337 :tmi.twitch.tv USERNOTICE #somechannel :Great stream',
  '@ban-duration=60;room-id=1;target-user-id=9 :tmi.twitch.tv CLEARCHAT #somechannel :ab',
];

describe('tiksim record --twitch', () => {
  it('records the channel as raw IRC lines, byte for byte, with a header replay can tell apart; a reconnect is a gap', async () => {
    const irc = await startTestIrcServer();
    cleanups.push(() => irc.close());
    const out = join(tmp(), 'rec');
    const cli = runCli(['record', '--twitch', 'SomeChannel', '--twitch-from', irc.wsUrl, '--max-events', '3', '--out', out], { timeoutMs: 20_000 });
    cleanups.push(() => cli.kill());
    const c1 = await irc.waitConns(1, 15_000);
    await waitFor(() => c1.lines.includes('JOIN #somechannel'), 'JOIN', 10_000);
    c1.send(LINES[0]!, 'PING :tmi.twitch.tv');
    await waitFor(() => c1.lines.includes('PONG :tmi.twitch.tv'), 'PONG');
    c1.send(':tmi.twitch.tv RECONNECT');
    const c2 = await irc.waitConns(2, 10_000);
    await waitFor(() => c2.lines.includes('JOIN #somechannel'), 'second JOIN', 10_000);
    c2.send(LINES[1]!, LINES[2]!);
    expect(await cli.exit).toBe(0);
    const info = await openRecording(out);
    expect(info.header).toMatchObject({ platform: 'twitch', channel: '#somechannel', source: `twitch #somechannel via ${irc.wsUrl}` });
    const entries = [];
    for await (const it of readEntries(info)) if ('entry' in it) entries.push(it.entry);
    const frames = entries.flatMap((e) => ('frame' in e ? [e.frame] : []));
    expect(frames).toEqual(LINES);
    const gaps = entries.filter((e) => 'type' in e && e.type === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ reason: 'the server asked us to reconnect (RECONNECT)' });
    expect(cli.err()).toContain('recording Twitch #somechannel via ws://127.0.0.1:');
  });

  it('a channel that does not exist records nothing: exit 1 with the reason, no folder left', async () => {
    const irc = await startTestIrcServer({ channels: ['other'] });
    cleanups.push(() => irc.close());
    const out = join(tmp(), 'rec');
    const cli = runCli(['record', '--twitch', 'nosuchchannel', '--twitch-from', irc.tcpUrl, '--out', out], { timeoutMs: 20_000 });
    expect(await cli.exit).toBe(1);
    expect(cli.err()).toContain('tiksim record: nothing was recorded: could not join any channel (#nosuchchannel: This channel does not exist or has been suspended.)');
    expect(existsSync(out)).toBe(false);
  });

  it('bad Twitch flags exit 2', async () => {
    for (const [args, msg] of [
      [['record', '--twitch-from', 'ws://127.0.0.1:1'], '--twitch-from needs the channel to record: add --twitch <channel>'],
      [['record', '--twitch', 'a', '--tiktok', 'b'], '--twitch and --tiktok record different platforms'],
      [['record', '--twitch', 'bad name', '--out', join(tmp(), 'x')], '"bad name" is not a Twitch channel name'],
      [['record', '--twitch', 'a', '--twitch-from', 'http://x', '--out', join(tmp(), 'y')], 'unsupported Twitch URL scheme "http:"'],
    ] as const) {
      const cli = runCli([...args]);
      expect(await cli.exit).toBe(2);
      expect(cli.err()).toContain(msg);
    }
  }, 120_000);
});
