import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { TIKFINITY_RATE_KINDS } from '../events/index.ts';
import { DEFAULT_RATES, parseRates, RATE_KINDS } from '../rates.ts';
import { DEFAULT_QUIRKS, parseQuirks } from '../quirks.ts';
import { loadScenarioFile, SCENARIO_PRESETS } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../config/load-config.ts';
import type { RunningSimulator, SimulatorOptions } from '../server/app.ts';
import { ListenError } from '../server/listen-error.ts';
import { isLoopbackHost } from '../server/auth.ts';
import { startStatusLine } from '../server/status-line.ts';
import { intArg, offsetArg, positiveArg, startTimeArg } from './parse-args.ts';
import { addTwitchOptions, startTwitchReplay, twitchBanner, twitchHelpText, twitchOptions, type TwitchFlags } from './serve-twitch.ts';

export { SEEDED_EPOCH_MS } from '../clock.ts';
import { SEEDED_EPOCH_MS } from '../clock.ts';

/** Raw options as commander hands them over. */
interface ServeFlags extends TwitchFlags {
  host: string;
  port: number;
  token?: string;
  allowHost: string[];
  allowOrigin: string[];
  seed?: number;
  startTime?: number;
  population: number;
  rates?: string;
  scenario?: string;
  quirks?: string;
  config: string | false;
  replay?: string;
  speed: number;
  instant?: boolean;
  loop?: boolean;
  from?: number;
  to?: number;
  skipBad?: boolean;
  loopExact?: boolean;
  startNow?: boolean;
  rewriteMedia: boolean;
  recordings: string;
  backlog: boolean;
  paused?: boolean;
  allKinds?: boolean;
  maxClientBuffer: number;
  heartbeat: number;
  status: boolean;
}

function resolveScenario(ref: string | undefined): string | Scenario | undefined {
  if (!ref) return undefined;
  const names = SCENARIO_PRESETS.map((p) => (typeof p === 'string' ? p : p.name));
  if (names.includes(ref)) return ref;
  if (existsSync(ref)) {
    const r = loadScenarioFile(ref);
    if (!r.ok) throw new InvalidArgumentError(r.error.message);
    return r.value;
  }
  throw new InvalidArgumentError(`scenario "${ref}" is neither a preset (${names.join(', ')}) nor a file.`);
}

function listArg(v: string, prev: string[]): string[] {
  const names = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/.test(n)) throw new InvalidArgumentError(`"${n}" is not a host name (e.g. studio.local or 192.168.1.20)`);
  return [...prev, ...names];
}

function originArg(v: string, prev: string[]): string[] {
  const out = [...prev];
  for (const o of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    let u: URL;
    try {
      u = new URL(o);
    } catch {
      throw new InvalidArgumentError(`"${o}" is not an origin; use scheme://host[:port], e.g. http://localhost:5173`);
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || u.search) throw new InvalidArgumentError(`"${o}" is not an origin; use scheme://host[:port], e.g. http://localhost:5173`);
    out.push(u.origin);
  }
  return out;
}

/** Where a flag's value came from: commander's own word ('cli' when the user typed it). */
type SourceOf = (name: string) => string | undefined;

/** Replay flags that mean nothing without --replay. */
const REPLAY_ONLY: Array<[key: string, flag: string]> = [
  ['speed', '--speed'], ['instant', '--instant'], ['loop', '--loop'], ['loopExact', '--loop-exact'], ['from', '--from'], ['to', '--to'],
  ['skipBad', '--skip-bad'], ['rewriteMedia', '--no-rewrite-media'], ['startNow', '--start-now'],
];

/**
 * Refuses flags that would be accepted and silently ignored (exit 2), and returns warnings for harmless ones.
 * @example checkCombinations(flags, (n) => cmd.getOptionValueSource(n))
 */
export function checkCombinations(f: ServeFlags, sourceOf: SourceOf): string[] {
  const given = (k: string) => sourceOf(k) === 'cli';
  if (!f.replay) {
    const stray = REPLAY_ONLY.filter(([k]) => given(k)).map(([, flag]) => flag);
    if (stray.length) throw new InvalidArgumentError(`${stray.join(', ')} only ${stray.length === 1 ? 'applies' : 'apply'} to a replay: add --replay <recording> (\`tiksim list\` shows them), or drop ${stray.length === 1 ? 'it' : 'them'}.`);
    return [];
  }
  if (f.instant && given('speed')) throw new InvalidArgumentError('--speed has no effect with --instant (frames go out as fast as the clients take them): drop one of them.');
  if (f.loopExact && !f.loop) throw new InvalidArgumentError('--loop-exact only applies with --loop.');
  if (f.instant && f.startNow) throw new InvalidArgumentError('--start-now does not apply to --instant (an instant replay needs a client to send to).');
  const warnings: string[] = [];
  if (given('scenario') || given('rates')) warnings.push(`${given('scenario') ? '--scenario' : '--rates'} takes effect only when the replay is stopped and generation resumes (DELETE /api/replay, or the panel's "Back to generation").`);
  return warnings;
}

/** Turns validated flags into simulator options; throws InvalidArgumentError for bad combinations. */
export function serveOptions(f: ServeFlags, sourceOf: SourceOf = () => undefined): SimulatorOptions {
  if (!isLoopbackHost(f.host) && !f.token) {
    throw new InvalidArgumentError(
      `binding to ${f.host} exposes the simulator beyond this machine: add --token <secret> (every request must then carry it), or keep the default --host 127.0.0.1.`,
    );
  }
  let rates: SimulatorOptions['rates'];
  if (f.rates) {
    const r = parseRates(f.rates);
    if (!r.ok) throw new InvalidArgumentError(r.error.message);
    rates = r.value;
  }
  let quirks: SimulatorOptions['quirks'];
  if (f.quirks) {
    const q = parseQuirks(f.quirks);
    if (!q.ok) throw new InvalidArgumentError(q.error.message);
    quirks = q.value;
  }
  let config: SimulatorOptions['config'] = null;
  if (f.config !== false) {
    try {
      config = loadConfigFile(f.config === 'built-in' ? DEFAULT_CONFIG_PATH : f.config);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  }
  const seed = f.seed ?? randomInt(0, 2 ** 31);
  return {
    host: f.host,
    port: f.port,
    token: f.token,
    allowHosts: f.allowHost,
    allowOrigins: f.allowOrigin,
    seed,
    startMs: f.startTime ?? (f.seed !== undefined ? SEEDED_EPOCH_MS : Date.now()),
    population: f.population,
    rates,
    scenario: resolveScenario(f.scenario),
    quirks,
    config,
    recordingsDir: resolve(f.recordings),
    chatBacklog: f.backlog,
    paused: f.paused,
    allKinds: f.allKinds === true,
    hub: { maxBufferedBytes: f.maxClientBuffer, heartbeatMs: f.heartbeat },
    twitch: twitchOptions(f, sourceOf),
    replay: f.replay
      ? {
          recording: f.replay,
          speed: f.speed,
          instant: f.instant,
          loop: f.loop,
          loopExact: f.loopExact,
          startNow: f.startNow,
          fromMs: f.from,
          toMs: f.to,
          skipBad: f.skipBad,
          rewriteMedia: f.rewriteMedia,
        }
      : undefined,
  };
}

/** Prints where to connect. */
function banner(sim: RunningSimulator, opts: SimulatorOptions): string {
  // The token is shown on a terminal, for the links to work; into a pipe or a log file it is never written.
  const t = opts.token ? `?token=${process.stdout.isTTY ? opts.token : '<token>'}` : '';
  const lines = [
    `tiksim listening on ${sim.wsUrl}${t}  (TikFinity-compatible WebSocket: point your overlay here)`,
    `  overlay  ${sim.url}/overlay/${t}`,
    `  panel    ${sim.url}/panel/${t}`,
    `  api      ${sim.url}/api/status${t}`,
    opts.replay
      ? `  replaying ${opts.replay.recording}${opts.replay.instant ? ' (instant)' : ` at x${opts.replay.speed ?? 1}`}`
      : `  seed ${opts.seed}${opts.scenario ? `, scenario ${typeof opts.scenario === 'string' ? opts.scenario : opts.scenario.name}` : ''}, population ${opts.population}${opts.allKinds ? ', all TikTok kinds' : ''}`,
    ...twitchBanner(sim, opts),
  ];
  return lines.join('\n');
}

/** The part of `serve --help` after the flags: valid values, examples, exit codes. */
export function serveHelpText(): string {
  const rates = TIKFINITY_RATE_KINDS.map((k) => `${k}=${DEFAULT_RATES[k]}`).join(',');
  const more = RATE_KINDS.filter((k) => !TIKFINITY_RATE_KINDS.includes(k)).map((k) => `${k}=${DEFAULT_RATES[k]}`).join(',');
  const quirks = Object.entries(DEFAULT_QUIRKS).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  const presets = SCENARIO_PRESETS.map((p) => (typeof p === 'string' ? p : p.name)).join(', ');
  return `
Values:
  --rates kinds (events/s, defaults shown): ${rates}
     with --all-kinds also: ${more}
  --quirks names (defaults shown): ${quirks}
     probabilities take 0..1; switches take on/off
  --scenario presets: ${presets}, or a scenario JSON file
${twitchHelpText()}

Examples:
  $ tiksim serve --seed 42                         the same stream, byte for byte, every run
  $ tiksim serve --scenario gift-storm --population 5000
  $ tiksim serve --rates chat=2,gift=0.3 --quirks dropStreakEnd=0.1
  $ tiksim serve --paused                          fire events by hand from the panel or the API
  $ tiksim serve --all-kinds --rates goalUpdate=0.1   every TikTok kind too (goals, polls, super fans: TLC-style data)
  $ tiksim serve --replay busy-streaks --loop      a bundled recording, by name (tiksim list shows them)
  $ tiksim serve --host 0.0.0.0 --token s3cret --allow-host studio.local
  $ tiksim serve --twitch --twitch-ping 2s        a fake Twitch chat too: ws://127.0.0.1:21215/ and TCP 6667
  $ tiksim serve --twitch --twitch-rates chat=20,cheer=1 --twitch-tcp-port 0
  $ tiksim serve --twitch --twitch-scenario hype  Twitch: a raid wave, a sub train, a cheer storm
  $ tiksim serve --twitch --twitch-replay my-chat  a Twitch recording (tiksim record --twitch x) replayed on it

Exit codes: 0 after Ctrl-C, 1 cannot start (port in use, unreadable recording), 2 bad flags.`;
}

/** Adds the options shared by `serve` and `start`. */
function addServeOptions(cmd: Command): Command {
  const withServe = cmd
    .addHelpText('after', serveHelpText())
    .option('--host <host>', 'address to bind; anything but loopback requires --token', '127.0.0.1')
    .option('-p, --port <port>', 'port (TikFinity uses 21213; 0 picks a free one)', intArg(0, 65535), 21213)
    .option('--token <secret>', 'require this token on every request (?token=, Bearer header or cookie)')
    .option('--allow-host <name>', 'also answer to this host name (LAN use, e.g. studio.local); repeatable or comma-separated', listArg, [])
    .option('--allow-origin <origin>', 'let pages of this origin drive the control API, e.g. http://localhost:5173; repeatable', originArg, [])
    .option('-s, --seed <n>', 'seed: the same seed and scenario repeat the stream byte for byte', intArg(0, 2 ** 32 - 1))
    .option('--start-time <time>', 'stream start (epoch ms or ISO date); default now, or 2025-01-01T20:00Z with --seed', startTimeArg)
    .option('--population <n>', 'number of distinct viewers', intArg(1, 1_000_000), 500)
    .option('-r, --rates <list>', 'average events/s per kind, e.g. chat=2,like=8,gift=0.3,member=1,follow=0.05')
    .option('--scenario <name|file>', `a preset (quiet, busy, gift-storm, hype) or a scenario JSON file`)
    .option('--quirks <list>', 'TikTok quirks, e.g. dropStreakEnd=0.1,duplicates=0.02,social=on')
    .option('--config <file>', 'config frame (Actions & Events) sent to each client on connect ("built-in": the shipped default)', 'built-in')
    .option('--no-config', 'send no config frame on connect')
    .option('--replay <recording>', 'replay a recording (folder, events file, or a name in --recordings)')
    .option('--speed <x>', 'replay speed factor', positiveArg(1000), 1)
    .option('--instant', 'replay as fast as the clients take the frames')
    .option('--loop', 'replay from the start again when the end is reached; each pass gets new ids and times, as TikTok never repeats one')
    .option('--loop-exact', 'with --loop: send every pass byte-identical (same msgId/groupId: consumers may drop them as duplicates)')
    .option('--start-now', 'start a timed replay at once instead of at the first client')
    .option('--from <offset>', 'replay slice start (ms, 90s, 1m30s or 01:30)', offsetArg)
    .option('--to <offset>', 'replay slice end', offsetArg)
    .option('--skip-bad', 'skip malformed recording lines (reported) instead of stopping')
    .option('--no-rewrite-media', "send recorded image URLs untouched instead of pointing them at this server's copies")
    .option('--recordings <dir>', 'folder of recordings for the panel and API', 'recordings')
    .option('--no-backlog', 'do not send the last chats to each new client')
    .option('--paused', 'start with generation paused (fire events by hand)')
    .option('--all-kinds', "also generate and accept every TikTok kind TikFinity does not forward (goalUpdate, pollMessage...: TLC-style data)")
    .addOption(new Option('--max-client-buffer <bytes>', 'bytes a slow client may have queued before frames to it are dropped').argParser(intArg(16_384, 1 << 30)).default(1 << 20))
    .addOption(new Option('--heartbeat <ms>', 'ping interval; clients that miss a pong are dropped').argParser(intArg(100, 3_600_000)).default(30_000))
    .option('--no-status', 'no live status line');
  return addTwitchOptions(withServe);
}

/** Starts the simulator from flags and runs until Ctrl-C. */
async function runServe(flags: ServeFlags, cmd: Command): Promise<void> {
  for (const w of checkCombinations(flags, (n) => cmd.getOptionValueSource(n))) process.stderr.write(`tiksim: note: ${w}\n`);
  const opts = serveOptions(flags, (n) => cmd.getOptionValueSource(n));
  let sim: RunningSimulator;
  try {
    // The CLI is a thin wrapper over the programmatic API: the same server, plus a terminal and signal handlers.
    // Loaded when serving, not for --help or another command: the server pulls in the media renderers.
    const { startSimulator } = await import('../../testing/simulator.ts');
    sim = (await startSimulator({ ...opts, log: (line) => process.stderr.write(`${line}\n`), server: opts })).server;
  } catch (e) {
    if (e instanceof ListenError) {
      process.stderr.write(`tiksim: ${e.message}\n`);
      process.exit(1);
    }
    if ((e as { code?: string }).code === 'E_REPLAY_RANGE') {
      process.stderr.write(`tiksim: ${(e as Error).message}\n(run with --help for usage)\n`);
      process.exit(2);
    }
    process.stderr.write(`tiksim: cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${banner(sim, opts)}\n`);
  if (flags.twitchReplay !== undefined) {
    try {
      process.stdout.write(`${await startTwitchReplay(sim, flags.twitchReplay, opts.recordingsDir ?? 'recordings')}\n`);
    } catch (e) {
      process.stderr.write(`tiksim: --twitch-replay: ${(e as Error).message}\n`);
      await sim.close();
      process.exit(1);
    }
  }
  const stopStatus = flags.status ? startStatusLine(sim.state) : () => {};
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) process.exit(130);
    closing = true;
    stopStatus();
    const s = sim.state.sent;
    process.stdout.write(`tiksim: stopping; sent ${s.total} frames to ${sim.state.hub.stats.connectedTotal} client connection(s)\n`);
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/** Registers `tiksim serve`. */
export function registerServe(program: Command): void {
  addServeOptions(
    program
      .command('serve')
      .description('run the fake TikFinity server: generated streams, or a replayed recording, on ws://127.0.0.1:21213/'),
  ).action((flags: ServeFlags, cmd: Command) => runServe(flags, cmd));
}

/** Registers `tiksim start`: build the overlay and panel if needed, then serve (what `npm start` runs). */
export function registerStart(program: Command): void {
  addServeOptions(
    program.command('start').description('build the overlay and panel when missing, then serve them with the simulator (npm start)'),
  ).action(async (flags: ServeFlags, cmd: Command) => {
    checkCombinations(flags, (n) => cmd.getOptionValueSource(n));
    const { ensureBuilt } = await import('./ensure-built.ts');
    await ensureBuilt();
    await runServe(flags, cmd);
  });
}
