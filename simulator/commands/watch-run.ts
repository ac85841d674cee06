import type { Message, SourceState } from '../../protocol/message.ts';
import { aggregate } from '../../receivers/aggregate.ts';
import { serveAggregate, type AggregateServer } from '../../receivers/aggregate-server.ts';
import type { Receiver } from '../../receivers/receiver.ts';
import { TikfinityReceiver } from '../../receivers/tikfinity.ts';
import { TikTokReceiver } from '../../receivers/tiktok.ts';
import { TwitchReceiver } from '../../receivers/twitch.ts';
import { TWITCH_CHAT_URL, TWITCH_TOKEN_ENV, type WatchFlags } from './watch-flags.ts';
import { formatMessage, isQuiet } from './watch-format.ts';
import { createSound, soundFileProblem, type Sound } from './watch-sound.ts';

/** Builds the receivers the flags name. Throws (a usage error) on what a receiver refuses up front. */
export function watchReceivers(f: WatchFlags, env: NodeJS.ProcessEnv = process.env): Receiver[] {
  const out: Receiver[] = [];
  if (f.tiktokFrom) out.push(new TikfinityReceiver({ url: f.tiktokFrom }));
  if (f.tiktok) out.push(new TikTokReceiver({ uniqueId: f.tiktok }));
  if (f.twitchChannel.length) {
    const token = env[TWITCH_TOKEN_ENV]?.trim() || undefined;
    out.push(
      new TwitchReceiver({
        url: f.twitchFrom ?? TWITCH_CHAT_URL,
        channels: f.twitchChannel,
        ...(token ? { token } : {}),
        ...(f.twitchNick ? { nick: f.twitchNick } : {}),
        ...(f.twitchPing !== undefined ? { pingIntervalMs: f.twitchPing } : {}),
      }),
    );
  }
  return out;
}

function describeState(s: SourceState): string {
  return `tiksim watch: ${s.name} (${s.source}) ${s.state}${s.lastError && s.state !== 'connected' ? `: ${s.lastError}` : s.lastError ? ` (${s.lastError})` : ''}\n`;
}

/** Runs `tiksim watch` until Ctrl-C, --count, or every source failing; resolves with the exit code. */
export async function runWatch(f: WatchFlags): Promise<number> {
  if (f.sound) {
    const problem = soundFileProblem(f.sound);
    if (problem) {
      process.stderr.write(`tiksim: ${problem}\n`);
      return 2;
    }
  }
  let receivers: Receiver[];
  try {
    receivers = watchReceivers(f);
  } catch (e) {
    process.stderr.write(`tiksim: ${(e as Error).message}\n`);
    return 2;
  }
  const agg = aggregate(receivers);
  const sound: Sound | null = f.mute ? null : createSound({ ...(f.sound ? { file: f.sound } : {}), minIntervalMs: f.soundInterval });
  let server: AggregateServer | null = null;
  if (f.servePort !== undefined) {
    try {
      server = await serveAggregate(agg, { host: f.host, port: f.servePort, ...(f.token ? { token: f.token } : {}) });
    } catch (e) {
      process.stderr.write(`tiksim: ${(e as Error).message}\n`);
      await agg.stop();
      return 1;
    }
    // The token is shown only on a terminal, as `serve` does; a log or a pipe gets a placeholder.
    const t = f.token ? `?token=${process.stderr.isTTY ? f.token : '<token>'}` : '';
    process.stderr.write(`tiksim watch: serving the merged stream on ${server.url}${t}\n`);
  }
  if (f.status) process.stderr.write(`tiksim watch: sound via ${sound ? sound.via : 'none (--mute)'}\n`);

  const last = new Map<string, string>();
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((r) => (resolveDone = r));
  agg.onState((states) => {
    for (const s of states) {
      const key = `${s.state}|${s.lastError ?? ''}`;
      if (last.get(s.name) === key) continue;
      last.set(s.name, key);
      if (f.status) process.stderr.write(describeState(s));
    }
    if (states.length > 0 && states.every((s) => s.state === 'failed')) {
      process.stderr.write(`tiksim: every source failed:\n${states.map((s) => `  ${s.name}: ${s.lastError ?? 'unknown error'}`).join('\n')}\n`);
      resolveDone(1);
    }
  });
  for (const s of agg.states()) if (s.state === 'failed') process.stderr.write(describeState(s));

  const color = !f.json && process.stdout.isTTY === true;
  let n = 0;
  const consume = async (): Promise<void> => {
    for await (const m of agg) {
      print(m);
      if (f.count !== undefined && ++n >= f.count) return resolveDone(0);
    }
  };
  const print = (m: Message): void => {
    if (f.json) process.stdout.write(`${JSON.stringify(m)}\n`);
    else if (!isQuiet(m)) process.stdout.write(`${formatMessage(m, color)}\n`);
    if (!isQuiet(m)) sound?.ping();
  };
  void consume();
  const onSignal = (): void => resolveDone(0);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const code = await done;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await server?.close();
  await agg.stop();
  await sound?.close();
  return code;
}
