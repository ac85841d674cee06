import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHeader } from '../../recorder/format.ts';
import { RecordingWriter } from '../../recorder/writer.ts';
import { TwitchReceiver } from '../../receivers/twitch.ts';
import { startTwitchServer } from '../twitch/server.ts';
import { openTwitchRecording, renderFor, replayTwitch } from './twitch-replay.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const LINES: [number, string][] = [
  [0, '@badge-info=;badges=;color=#0D4200;display-name=Ab;emotes=25:0-4;id=x1;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #recorded :Kappa hello'],
  [300, '@display-name=Ronni;id=r1;login=ronni;msg-id=resub;msg-param-sub-plan=1000;system-msg=Ronni\\ssubscribed!;user-id=1337 :tmi.twitch.tv USERNOTICE #recorded :Great stream'],
  [600, '@ban-duration=60;room-id=1;target-user-id=9 :tmi.twitch.tv CLEARCHAT #recorded :ab'],
];

function writeRecording(platform?: 'twitch'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tiksim-twitch-replay-')), 'rec');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const header = { ...makeHeader('twitch #recorded via ws://127.0.0.1:1', Date.UTC(2025, 0, 1), 'tiksim test'), ...(platform ? { platform, channel: '#recorded' } : {}) };
  const w = RecordingWriter.create(dir, header);
  for (const [t, line] of LINES) w.writeFrame(t, line);
  w.close();
  return dir;
}

describe('Twitch replay on the fake Twitch', () => {
  it('sends each recorded line at its offset: byte-identical to the recorded channel, rewritten for another', async () => {
    const dir = writeRecording('twitch');
    const twitch = await startTwitchServer({ seed: 1, startMs: Date.UTC(2025, 0, 1), port: 0, tcpPort: null, paused: true });
    cleanups.push(() => twitch.close());
    const same = new TwitchReceiver({ url: twitch.wsUrl, channels: ['recorded'] });
    const other = new TwitchReceiver({ url: twitch.wsUrl, channels: ['elsewhere'], name: 'other' });
    const got: Record<string, { raw: string; at: number }[]> = { twitch: [], other: [] };
    for (const r of [same, other]) {
      r.onEvent((e) => got[e.receiver]!.push({ raw: e.raw!, at: performance.now() }));
      r.start();
      cleanups.push(() => r.stop());
    }
    while (same.status().joined.length === 0 || other.status().joined.length === 0) await new Promise((r) => setTimeout(r, 10));
    const replay = await replayTwitch(dir, twitch, { speed: 2 });
    await replay.done;
    while (got.twitch!.length < 3 || got.other!.length < 3) await new Promise((r) => setTimeout(r, 10));
    expect(got.twitch!.map((g) => g.raw)).toEqual(LINES.map(([, l]) => l));
    expect(got.other!.map((g) => g.raw)).toEqual(LINES.map(([, l]) => l.replace('#recorded', '#elsewhere')));
    // 600 ms of recording at speed 2: the last line about 300 ms after the first.
    const span = got.twitch![2]!.at - got.twitch![0]!.at;
    expect(span).toBeGreaterThanOrEqual(280);
    expect(span).toBeLessThan(1500);
    expect(replay.sent()).toBe(3);
  });

  it('refuses a TikTok recording with what to do instead', async () => {
    const dir = writeRecording();
    await expect(openTwitchRecording(dir)).rejects.toThrow('is a TikTok recording (no "platform":"twitch" in its header); replay it on the TikFinity socket with serve --replay');
  });

  it('strips tags for clients without twitch.tv/tags and marks USERNOTICE as commands-only', () => {
    const r = renderFor(LINES[1]![1], '#recorded', '#x')!;
    expect(r.plain).toBe(':tmi.twitch.tv USERNOTICE #x :Great stream');
    expect(r.commands).toBe(true);
    expect(renderFor(LINES[0]![1], '#recorded', '#recorded')!.commands).toBe(false);
    expect(renderFor('@@@', '#a', '#b')).toBeNull();
  });
});
