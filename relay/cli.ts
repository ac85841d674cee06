/**
 * `tiksim relay` (the webhook service) and `tiksim relay test <url>` (the receiver tester). Exit codes: 0 ok,
 * 1 failure (start-up, a receiver that answered a case wrongly), 2 usage.
 */
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SEEDED_EPOCH_MS } from '../simulator/clock.ts';
import { isLoopbackHost } from '../simulator/server/auth.ts';
import { intArg, positiveArg } from '../simulator/commands/parse-args.ts';
import type { Receiver } from '../receivers/receiver.ts';
import { loadEnvConfig } from './config.ts';
import type { RunningRelay } from './service.ts';
import { secretProblem } from './sign.ts';
import type { Keep } from './store.ts';

// The service, its database driver, the receivers (tiktok-live-connector) and the engine load only when `relay`
// runs, so every other tiksim command starts as fast as before.

/** Default port of `tiksim relay` (service.ts's RELAY_PORT, repeated so that --help loads nothing). */
const RELAY_PORT = 21220;

const EXIT_CODES = 'Exit codes: 0 ok, 1 failure (start-up, or the tested receiver answered a case wrongly), 2 usage.';

interface RelayFlags {
  tiktok?: string;
  from?: string;
  simulate?: boolean;
  replay?: string;
  seed?: number;
  scenario?: string;
  rates?: string;
  population: number;
  speed: number;
  instant?: boolean;
  host: string;
  port: number;
  apiKey?: string;
  allowHost: string[];
  allowOrigin: string[];
  db: string;
  webhookUrl?: string;
  webhookSecret?: string;
  retryScale: number;
  timeout: number;
  outboxCap: number;
  keep: string;
  record?: string;
  envFile: string | false;
  json?: boolean;
  status: boolean;
}

/**
 * `--keep`: a count (`100000`), an age (`7d`, `12h`, `30m`), or both (`100000,7d`).
 * @example keepArg('50000,2d') // { count: 50000, ageMs: 172800000 }
 */
export function keepArg(v: string): Keep {
  const out: Keep = {};
  for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)([smhd])?$/.exec(part);
    if (!m) throw new InvalidArgumentError(`"${part}" is neither a count of events (100000) nor an age (30m, 12h, 7d)`);
    if (m[2]) out.ageMs = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
    else out.count = Number(m[1]);
  }
  if (out.count === undefined && out.ageMs === undefined) throw new InvalidArgumentError('--keep needs a count or an age, e.g. 100000 or 7d');
  return out;
}

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

/** Picks the one source; throws InvalidArgumentError (exit 2) for none or several. */
async function sourceOf(f: RelayFlags, tiktokFromEnv: string | undefined, given: (k: string) => boolean): Promise<{ receiver: Receiver; username: string }> {
  const chosen = (['tiktok', 'from', 'simulate', 'replay'] as const).filter((k) => f[k] !== undefined && f[k] !== false);
  if (chosen.length > 1) throw new InvalidArgumentError(`choose one source: ${chosen.map((c) => `--${c}`).join(' and ')} were both given`);
  if (!f.simulate && ['seed', 'scenario', 'rates', 'population'].some(given)) throw new InvalidArgumentError('--seed, --scenario, --rates and --population only apply to --simulate');
  if (!f.replay && ['speed', 'instant'].some(given)) throw new InvalidArgumentError('--speed and --instant only apply to --replay <recording>');
  if (f.instant && given('speed')) throw new InvalidArgumentError('--speed has no effect with --instant: drop one of them');
  const tiktok = f.tiktok ?? (chosen.length === 0 ? tiktokFromEnv : undefined);
  if (tiktok !== undefined) {
    const { TikTokReceiver } = await import('../receivers/tiktok.ts');
    const id = tiktok.replace(/^@/, '');
    if (!/^[A-Za-z0-9._]{1,64}$/.test(id)) throw new InvalidArgumentError(`"${tiktok}" is not a TikTok @uniqueId (letters, digits, . and _)`);
    return { receiver: new TikTokReceiver({ uniqueId: id }), username: id };
  }
  if (f.from !== undefined) {
    const { TikfinityReceiver, tikfinityUrlProblem } = await import('../receivers/tikfinity.ts');
    const p = tikfinityUrlProblem(f.from);
    if (p) throw new InvalidArgumentError(p);
    return { receiver: new TikfinityReceiver({ url: f.from }), username: '' };
  }
  if (f.simulate) {
    const { parseRates } = await import('../simulator/rates.ts');
    const { SCENARIO_PRESETS } = await import('../simulator/scenarios/load.ts');
    const { SimulateReceiver } = await import('../receivers/simulate.ts');
    let rates;
    if (f.rates) {
      const r = parseRates(f.rates);
      if (!r.ok) throw new InvalidArgumentError(r.error.message);
      rates = r.value;
    }
    const names = SCENARIO_PRESETS.map((p) => (typeof p === 'string' ? p : p.name));
    if (f.scenario && !names.includes(f.scenario)) throw new InvalidArgumentError(`scenario "${f.scenario}" is not a preset; presets: ${names.join(', ')}`);
    const seed = f.seed ?? randomInt(0, 2 ** 31);
    return {
      // Every kind of the catalogue, not only the 17 TikFinity forwards: the relay's users get TikTok's whole stream.
      receiver: new SimulateReceiver({ seed, population: f.population, rates, scenario: f.scenario, startMs: f.seed !== undefined ? SEEDED_EPOCH_MS : Date.now(), allKinds: true }),
      username: 'tiksim',
    };
  }
  if (f.replay !== undefined) {
    const { findRecording } = await import('../recorder/find-recording.ts');
    const { ReplayReceiver } = await import('../receivers/replay.ts');
    let path: string;
    try {
      path = await findRecording(f.replay);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
    return { receiver: new ReplayReceiver({ path, speed: f.speed, instant: f.instant }), username: '' };
  }
  throw new InvalidArgumentError('no source: give --tiktok <uniqueId> (or TIKTOK_USERNAME), --from <ws url>, --simulate or --replay <recording>');
}

/** One JSON log line (never a secret). */
function jsonLine(level: string, msg: string, fields: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ at: new Date().toISOString(), level, msg, ...fields })}\n`;
}

function statusText(r: RunningRelay, rate: number): string {
  const s = r.source();
  const d = r.store.deliveryCounts();
  return `relay ${s.name} ${s.state}${s.lastError && s.state !== 'connected' ? ` (${s.lastError.slice(0, 60)})` : ''} | events ${r.counters.received} (${rate.toFixed(0)}/s) | delivered ${r.counters.delivered} | pending ${d.pending} | failed ${d.failed}${r.counters.full ? ` | outbox full x${r.counters.full}` : ''}`;
}

async function runRelay(f: RelayFlags, cmd: Command): Promise<void> {
  const { webhookUrlProblem } = await import('./api.ts');
  const { RelayDbError, startRelay } = await import('./service.ts');
  const { ListenError } = await import('../simulator/server/listen-error.ts');
  const given = (k: string) => cmd.getOptionValueSource(k) === 'cli';
  let env;
  try {
    env = loadEnvConfig(process.env, f.envFile === false ? null : resolve(f.envFile));
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
  const apiKey = f.apiKey ?? env.values.API_KEY;
  const webhookUrl = f.webhookUrl ?? env.values.WEBHOOK_URL;
  const webhookSecret = f.webhookSecret ?? env.values.WEBHOOK_SECRET;
  if (!isLoopbackHost(f.host) && !apiKey) {
    throw new InvalidArgumentError(`binding to ${f.host} exposes the relay beyond this machine: set an API key (--api-key or API_KEY), or keep the default --host 127.0.0.1`);
  }
  if (webhookUrl) {
    const p = webhookUrlProblem(webhookUrl);
    if (p) throw new InvalidArgumentError(`WEBHOOK_URL / --webhook-url: ${p}`);
  }
  if (webhookSecret) {
    const p = secretProblem(webhookSecret);
    if (p) throw new InvalidArgumentError(`WEBHOOK_SECRET / --webhook-secret: ${p}`);
  }
  const { receiver, username } = await sourceOf(f, env.values.TIKTOK_USERNAME, given);
  const tty = !!process.stderr.isTTY && !f.json;
  const log = (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => {
    if (f.json) process.stdout.write(jsonLine(level, msg, fields));
    else if (level === 'warn' || !tty) process.stderr.write(`${tty ? '\r\x1b[2K' : ''}${level === 'warn' ? 'warning: ' : ''}${msg}\n`);
  };
  let relay: RunningRelay;
  try {
    relay = await startRelay({
      source: receiver,
      username,
      dbPath: resolve(f.db),
      host: f.host,
      port: f.port,
      apiKey,
      allowHosts: f.allowHost,
      allowOrigins: f.allowOrigin,
      webhook: webhookUrl ? { url: webhookUrl, ...(webhookSecret ? { secret: webhookSecret } : {}) } : undefined,
      retryScale: f.retryScale,
      timeoutMs: f.timeout * 1000,
      outboxCap: f.outboxCap,
      keep: keepArg(f.keep),
      recordDir: f.record ? resolve(f.record) : undefined,
      log,
    });
  } catch (e) {
    if (e instanceof ListenError || e instanceof RelayDbError) {
      process.stderr.write(`tiksim relay: ${e.code}: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const banner = [
    `tiksim relay on ${relay.url}/api/status  (source ${receiver.status().source}, database ${resolve(f.db)})`,
    apiKey ? '  API requests must carry X-API-Key' : '  no API key: any local program may use the API (set API_KEY or --api-key)',
  ];
  if (relay.generatedSecret) {
    // Shown once, and only to a person at a terminal; in a pipe or a log it would leak.
    banner.push(process.stdout.isTTY ? `  webhook ${webhookUrl} registered; its secret (shown once): ${relay.generatedSecret}` : `  webhook ${webhookUrl} registered with a generated secret; run on a terminal, or give WEBHOOK_SECRET, to know it`);
  }
  if (f.json) log('info', 'listening', { url: relay.url, source: receiver.status().source });
  else process.stderr.write(`${banner.join('\n')}\n`);
  let stopLine = () => undefined as void;
  if (tty && f.status) {
    let last = { n: 0, at: Date.now() };
    const timer = setInterval(() => {
      const now = Date.now();
      const rate = ((relay.counters.received - last.n) * 1000) / Math.max(1, now - last.at);
      last = { n: relay.counters.received, at: now };
      process.stderr.write(`\r\x1b[2K${statusText(relay, rate)}`);
    }, 250);
    stopLine = () => {
      clearInterval(timer);
      process.stderr.write('\r\x1b[2K');
    };
  }
  await new Promise<void>((res) => {
    const done = () => res();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  stopLine();
  await relay.stop();
  if (!f.json) process.stderr.write(`relay stopped: ${relay.counters.received} events, ${relay.counters.delivered} deliveries\n`);
  process.exit(0);
}

/** Registers `tiksim relay` and `tiksim relay test`. */
export function registerRelay(program: Command): void {
  const relay = program
    .command('relay')
    .description('Forward TikTok LIVE events (or the simulator, a recording, a TikFinity socket) to signed webhooks, with a REST API')
    .option('--tiktok <uniqueId>', 'source: TikTok LIVE through tiktok-live-connector (needs internet; default TIKTOK_USERNAME)')
    .option('--from <ws-url>', 'source: a TikFinity or tiksim socket, e.g. ws://127.0.0.1:21213/')
    .option('--simulate', "source: the simulator's engine in-process")
    .option('--replay <recording>', 'source: a recording (a folder, or a name `tiksim list` shows)')
    .option('--seed <n>', 'simulate: seed (the same seed, the same events)', intArg(0, 2 ** 31 - 1))
    .option('--scenario <preset>', 'simulate: a scenario preset')
    .option('--rates <list>', 'simulate: events/s per kind, e.g. chat=5,gift=1')
    .option('--population <n>', 'simulate: distinct viewers', intArg(1, 10_000_000), 500)
    .option('--speed <x>', 'replay: playback speed', positiveArg(1000), 1)
    .option('--instant', 'replay: as fast as the relay takes them')
    .option('--host <addr>', 'address to listen on (anything but loopback needs an API key)', '127.0.0.1')
    .option('--port <n>', 'port of the API', intArg(0, 65535), RELAY_PORT)
    .option('--api-key <key>', 'require X-API-Key on every API request (default API_KEY)')
    .option('--allow-host <names>', 'extra Host names to answer to (comma-separated)', collect, [])
    .option('--allow-origin <origins>', 'extra origins allowed to write to the API', collect, [])
    .option('--db <file>', 'the SQLite database (events, webhooks, outbox)', 'relay.db')
    .option('--webhook-url <url>', 'register this webhook at start (default WEBHOOK_URL)')
    .option('--webhook-secret <whsec>', "its secret (default WEBHOOK_SECRET; generated when neither is given)")
    .option('--retry-scale <x>', 'multiply the retry schedule (tests: 0.001)', positiveArg(1000), 1)
    .option('--timeout <s>', 'request timeout per delivery, seconds', positiveArg(300), 15)
    .option('--outbox-cap <n>', 'most pending deliveries per webhook', intArg(1, 100_000_000), 100_000)
    .option('--keep <count|age>', 'prune stored events beyond a count and/or an age (100000, 7d, 100000,7d)', '100000')
    .option('--record <dir>', 'also record the source as a tiksim recording (replay it with --replay)')
    .option('--env-file <file>', 'read TIKTOK_USERNAME, API_KEY, WEBHOOK_URL, WEBHOOK_SECRET from this file', '.env')
    .addOption(new Option('--no-env-file', 'read no .env file'))
    .option('--json', 'log JSON lines on stdout instead of the status line')
    .option('--no-status', 'no live status line on a terminal')
    .addHelpText(
      'after',
      `
Config: flags win over the environment, which wins over .env (TIKTOK_USERNAME, API_KEY, WEBHOOK_URL, WEBHOOK_SECRET).

Examples:
  $ tiksim relay --simulate --seed 7 --webhook-url http://127.0.0.1:3000/hook
  $ tiksim relay --tiktok lena.draws --api-key "$KEY" --db ~/relay.db
  $ tiksim relay --from ws://127.0.0.1:21213/ --record recordings/friday
  $ tiksim relay --replay recordings/friday --instant --webhook-url http://127.0.0.1:3000/hook
  $ tiksim relay test http://127.0.0.1:3000/hook --secret whsec_...

${EXIT_CODES}`,
    )
    .action(async (flags: RelayFlags, cmd: Command) => runRelay(flags, cmd));

  relay
    .command('test <url>')
    .description('Check a webhook receiver: signed deliveries of every kind, then the attacks it must refuse')
    .requiredOption('--secret <whsec>', "the receiver's secret (whsec_...)")
    .option('--timeout <s>', 'per request, seconds', positiveArg(300), 10)
    .option('--allow-duplicate-ack', 'accept a 2xx for a duplicate id (Standard Webhooks allows acknowledging and ignoring it)')
    .option('--json', 'print the table as JSON')
    .addHelpText('after', `\nExamples:\n  $ tiksim relay test http://127.0.0.1:3000/hook --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n\n${EXIT_CODES}`)
    .action(async (url: string, f: { secret: string; timeout: number; allowDuplicateAck?: boolean; json?: boolean }) => {
      const { webhookUrlProblem } = await import('./api.ts');
      const { formatTable, testReceiver } = await import('./tester.ts');
      const p = webhookUrlProblem(url) ?? secretProblem(f.secret);
      if (p) throw new InvalidArgumentError(p);
      const rows = await testReceiver(url, f.secret, { timeoutMs: f.timeout * 1000, allowDuplicateAck: f.allowDuplicateAck });
      // `relay` has a --json of its own, which commander also gives the flag to when it follows `test`.
      const json = f.json ?? (relay.opts() as { json?: boolean }).json;
      process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatTable(rows)}\n`);
      process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
    });
}
