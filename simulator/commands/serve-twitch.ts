/** `serve --twitch` and its flags: the fake Twitch chat server beside the TikTok socket. */
import { InvalidArgumentError, type Command } from 'commander';
import type { RunningSimulator, SimulatorOptions } from '../server/app.ts';
import type { TwitchOptions } from '../server/state.ts';
import { DEFAULT_TWITCH_RATES, parseTwitchRates, TWITCH_RATE_KINDS } from '../twitch/rates.ts';
import { TWITCH_PING_MS } from '../twitch/server.ts';
import { intArg, offsetArg } from './parse-args.ts';

/** The Twitch flags as commander hands them over. */
export interface TwitchFlags {
  twitch?: boolean;
  twitchPort: number;
  twitchTcpPort: number;
  twitchTcp: boolean;
  twitchRates?: string;
  twitchPing: number;
  twitchPopulation: number;
}

/** `2s`, `5m`, `500ms` or plain ms, at least 50 ms (a PING interval). */
function pingArg(v: string): number {
  const s = v.trim();
  const ms = /^\d+(?:\.\d+)?ms$/.test(s) ? Number(s.slice(0, -2)) : offsetArg(s);
  if (!Number.isFinite(ms) || ms < 50) throw new InvalidArgumentError(`"${v}" is too short for a PING interval; use at least 50ms (Twitch's is 5m).`);
  return Math.round(ms);
}

/** Adds the Twitch flags. */
export function addTwitchOptions(cmd: Command): Command {
  return cmd
    .option('--twitch', 'also run a fake Twitch chat server (IRC over WebSocket and TCP), same seed and clock')
    .option('--twitch-port <port>', 'its WebSocket port (as wss://irc-ws.chat.twitch.tv; 0 picks a free one)', intArg(0, 65535), 21215)
    .option('--twitch-tcp-port <port>', "its plain TCP port (Twitch's own 6667, for clients that cannot change it)", intArg(0, 65535), 6667)
    .option('--no-twitch-tcp', 'no TCP listener, WebSocket only')
    .option('--twitch-rates <list>', 'Twitch events/s per kind, e.g. chat=5,cheer=0.1,sub=0.05,raid=0.01')
    .option('--twitch-ping <time>', 'PING interval; a client that has not answered by the next PING is closed (Twitch: 5m)', pingArg, TWITCH_PING_MS)
    .option('--twitch-population <n>', 'distinct Twitch chatters', intArg(1, 1_000_000), 2000);
}

/** The Twitch options of a `serve`, or undefined without --twitch; throws InvalidArgumentError for bad values. */
export function twitchOptions(f: TwitchFlags, sourceOf: (name: string) => string | undefined): TwitchOptions | undefined {
  if (!f.twitch) {
    const stray = ['twitchPort', 'twitchTcpPort', 'twitchTcp', 'twitchRates', 'twitchPing', 'twitchPopulation'].filter((k) => sourceOf(k) === 'cli');
    if (stray.length) throw new InvalidArgumentError(`${stray.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')} only apply with --twitch: add it, or drop them.`);
    return undefined;
  }
  let rates: TwitchOptions['rates'];
  if (f.twitchRates) {
    const r = parseTwitchRates(f.twitchRates);
    if (!r.ok) throw new InvalidArgumentError(r.error.message);
    rates = r.value;
  }
  return { port: f.twitchPort, tcpPort: f.twitchTcp ? f.twitchTcpPort : null, rates, pingMs: f.twitchPing, population: f.twitchPopulation };
}

/** The banner's Twitch lines. */
export function twitchBanner(sim: RunningSimulator, opts: SimulatorOptions): string[] {
  const tw = sim.state.twitch;
  if (!tw) return [];
  const ping = opts.twitch?.pingMs ?? TWITCH_PING_MS;
  return [
    `  twitch   ${tw.wsUrl}${tw.tcpPort !== null ? `  and irc://${tw.host}:${tw.tcpPort}` : ''}  (fake Twitch chat: JOIN any channel; PING every ${ping >= 1000 ? `${ping / 1000}s` : `${ping}ms`})`,
  ];
}

/** The help's Twitch part. */
export function twitchHelpText(): string {
  return `  --twitch-rates kinds (events/s, defaults shown): ${TWITCH_RATE_KINDS.map((k) => `${k}=${DEFAULT_TWITCH_RATES[k]}`).join(',')}`;
}
