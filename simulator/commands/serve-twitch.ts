/** `serve --twitch` and its flags: the fake Twitch chat server beside the TikTok socket. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { RunningSimulator, SimulatorOptions } from '../server/app.ts';
import type { TwitchOptions } from '../server/state.ts';
import { DEFAULT_TWITCH_RATES, parseTwitchRates, TWITCH_RATE_KINDS } from '../twitch/rates.ts';
import { parseTwitchScenario, twitchPreset, TWITCH_SCENARIO_PRESETS, type CompiledTwitchScenario } from '../twitch/scenario.ts';
import { TWITCH_PING_MS } from '../twitch/server.ts';
import { intArg, offsetArg } from './parse-args.ts';

/** The Twitch flags as commander hands them over. */
export interface TwitchFlags {
  twitch?: boolean;
  twitchPort: number;
  twitchTcpPort: number;
  twitchTcp: boolean;
  twitchRates?: string;
  twitchScenario?: string;
  twitchPing: number;
  twitchPopulation: number;
  twitchReplay?: string;
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
    .option('--twitch-scenario <name|file>', `a Twitch preset (${TWITCH_SCENARIO_PRESETS.map((p) => p.name).join(', ')}) or a Twitch scenario JSON file`)
    .option('--twitch-ping <time>', 'PING interval; a client that has not answered by the next PING is closed (Twitch: 5m)', pingArg, TWITCH_PING_MS)
    .option('--twitch-population <n>', 'distinct Twitch chatters', intArg(1, 1_000_000), 2000)
    .option('--twitch-replay <recording>', 'replay a Twitch recording (record --twitch) on the fake Twitch instead of generating chat');
}

/** The Twitch options of a `serve`, or undefined without --twitch; throws InvalidArgumentError for bad values. */
export function twitchOptions(f: TwitchFlags, sourceOf: (name: string) => string | undefined): TwitchOptions | undefined {
  if (!f.twitch) {
    const stray = ['twitchPort', 'twitchTcpPort', 'twitchTcp', 'twitchRates', 'twitchScenario', 'twitchPing', 'twitchPopulation', 'twitchReplay'].filter((k) => sourceOf(k) === 'cli');
    if (stray.length) throw new InvalidArgumentError(`${stray.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')} only apply with --twitch: add it, or drop them.`);
    return undefined;
  }
  let rates: TwitchOptions['rates'];
  if (f.twitchRates) {
    const r = parseTwitchRates(f.twitchRates);
    if (!r.ok) throw new InvalidArgumentError(r.error.message);
    rates = r.value;
  }
  const scenario = f.twitchScenario !== undefined ? twitchScenarioArg(f.twitchScenario) : undefined;
  return {
    port: f.twitchPort,
    tcpPort: f.twitchTcp ? f.twitchTcpPort : null,
    rates,
    scenario,
    pingMs: f.twitchPing,
    population: f.twitchPopulation,
    // A replay replaces generated chat, as --replay does on the TikTok socket.
    paused: f.twitchReplay !== undefined ? true : undefined,
  };
}

/**
 * `--twitch-replay`: starts replaying a Twitch recording (a path, or a name in the recordings folder) on the running
 * fake Twitch, from its first joined client on. Throws with what was wrong (not a Twitch recording, not found).
 */
export async function startTwitchReplay(sim: RunningSimulator, ref: string, recordingsDir: string): Promise<string> {
  const tw = sim.state.twitch;
  if (!tw) throw new Error('--twitch-replay needs --twitch');
  const path = existsSync(ref) ? ref : join(recordingsDir, ref);
  if (!existsSync(path)) throw new Error(`Twitch recording "${ref}" not found (neither a path nor a name in ${recordingsDir}); record one with tiksim record --twitch <channel>`);
  const { replayTwitch } = await import('../replay/twitch-replay.ts');
  const r = await replayTwitch(path, tw);
  return `  twitch   replaying ${ref} (#${r.recording.header.channel}) from the first client that JOINs`;
}

/** `--twitch-scenario`: a preset name, else a JSON file; throws InvalidArgumentError naming what was wrong. */
export function twitchScenarioArg(ref: string): CompiledTwitchScenario {
  const preset = twitchPreset(ref);
  if (preset.ok) return preset.value;
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch {
    throw new InvalidArgumentError(`Twitch scenario "${ref}" is neither a preset (${TWITCH_SCENARIO_PRESETS.map((p) => p.name).join(', ')}) nor a readable file.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidArgumentError(`Twitch scenario file ${ref} is not valid JSON: ${(e as Error).message}`);
  }
  const r = parseTwitchScenario(json);
  if (!r.ok) throw new InvalidArgumentError(`Twitch scenario file ${ref}: ${r.error.message}`);
  return r.value;
}

/** The banner's Twitch lines. */
export function twitchBanner(sim: RunningSimulator, opts: SimulatorOptions): string[] {
  const tw = sim.state.twitch;
  if (!tw) return [];
  const ping = opts.twitch?.pingMs ?? TWITCH_PING_MS;
  const scn = opts.twitch?.scenario;
  return [
    `  twitch   ${tw.wsUrl}${tw.tcpPort !== null ? `  and irc://${tw.host}:${tw.tcpPort}` : ''}  (fake Twitch chat: JOIN any channel; PING every ${ping >= 1000 ? `${ping / 1000}s` : `${ping}ms`}${scn ? `; scenario ${scn.scenario.name}` : ''})`,
  ];
}

/** The help's Twitch part. */
export function twitchHelpText(): string {
  return `  --twitch-rates kinds (events/s, defaults shown): ${TWITCH_RATE_KINDS.map((k) => `${k}=${DEFAULT_TWITCH_RATES[k]}`).join(',')}
  --twitch-scenario presets: ${TWITCH_SCENARIO_PRESETS.map((p) => `${p.name} (${p.description})`).join('; ')}, or a Twitch scenario JSON file`;
}
