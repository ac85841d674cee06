/**
 * Replays a Twitch recording (recorder/twitch-record.ts: header `"platform":"twitch"`, one raw IRC line per frame) on
 * the fake Twitch server (simulator/twitch/server.ts), as the TikTok replayer does on the TikFinity socket: each line
 * at its recorded offset (divided by `speed`), scheduled against the start so timing does not drift. The fake serves
 * any channel a client JOINs, so each line goes to every channel that has clients, its channel parameter rewritten to
 * that channel; to clients of the recorded channel itself it goes byte-identical. Starts when the first client has
 * joined (a replay nobody sees is wasted), as a timed TikTok replay does.
 */
import { parseIrcLine, serializeIrcLine } from '../../protocol/twitch/irc-line.ts';
import { openRecording, readEntries, type RecordingInfo } from '../../recorder/reader.ts';
import type { Rendered } from '../twitch/lines.ts';
import type { RunningTwitch } from '../twitch/server.ts';

export interface TwitchReplayOptions {
  /** Speed factor (default 1). */
  speed?: number;
  /** Start at once instead of at the first joined client. */
  startNow?: boolean;
}

/** A replay in progress. */
export interface TwitchReplay {
  readonly recording: RecordingInfo;
  /** Lines sent (once per channel they went to counts once). */
  sent(): number;
  /** Resolves when the last line has gone out, or stop() was called. */
  readonly done: Promise<void>;
  stop(): void;
}

/** Commands Twitch sends only to clients that requested twitch.tv/commands. */
const COMMANDS_ONLY = new Set(['USERNOTICE', 'CLEARCHAT', 'CLEARMSG', 'NOTICE', 'ROOMSTATE', 'USERSTATE', 'HOSTTARGET', 'RECONNECT', 'WHISPER']);

/** The recorded line for one channel: as recorded for its own channel, rewritten for another; both tag forms. */
export function renderFor(raw: string, recordedChannel: string, channel: string): Rendered | null {
  const p = parseIrcLine(raw);
  if (!p.ok) return null;
  const m = p.msg;
  const params = m.params[0] === recordedChannel ? [channel, ...m.params.slice(1)] : m.params;
  const base = { prefix: m.prefix, command: m.command, params, trailing: m.trailing };
  const tagged = channel === recordedChannel ? raw : serializeIrcLine({ ...base, tags: m.tags });
  return { tagged, plain: serializeIrcLine(base), commands: COMMANDS_ONLY.has(m.command) };
}

/** Checks that `path` is a Twitch recording; throws with what it is otherwise. */
export async function openTwitchRecording(path: string): Promise<RecordingInfo> {
  const info = await openRecording(path);
  if (info.header.platform !== 'twitch' || !info.header.channel) {
    throw new Error(`${path} is a TikTok recording (no "platform":"twitch" in its header); replay it on the TikFinity socket with serve --replay`);
  }
  return info;
}

/** Starts replaying `path` on `twitch`. @example const r = await replayTwitch('recordings/chat', twitch); await r.done; */
export async function replayTwitch(path: string, twitch: RunningTwitch, opts: TwitchReplayOptions = {}): Promise<TwitchReplay> {
  const info = await openTwitchRecording(path);
  const recorded = info.header.channel!;
  const speed = opts.speed ?? 1;
  let stopped = false;
  let sent = 0;
  let wake: (() => void) | null = null;
  const sleep = (ms: number): Promise<void> =>
    new Promise((r) => {
      const t = setTimeout(r, ms);
      wake = () => {
        clearTimeout(t);
        r();
      };
    });
  const joined = (): string[] => twitch.status().channels.filter((c) => c.clients > 0).map((c) => `#${c.name.replace(/^#/, '')}`);

  const run = async (): Promise<void> => {
    while (!opts.startNow && !stopped && joined().length === 0) await sleep(20);
    const t0 = performance.now();
    for await (const item of readEntries(info)) {
      if (stopped) return;
      if (!('entry' in item) || !('frame' in item.entry)) continue;
      const due = t0 + item.entry.t / speed;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (stopped) return;
      for (const ch of joined()) {
        const r = renderFor(item.entry.frame, recorded, ch);
        if (r) twitch.broadcast(ch, [r]);
      }
      sent++;
    }
  };
  const done = run();
  return {
    recording: info,
    sent: () => sent,
    done,
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
