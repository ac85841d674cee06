/** The recorder's subcommands for the `tiksim` CLI: record, decode, inspect, anonymize. Exit codes: 0 ok, 1 failure, 2 usage. */
import { resolve, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Recorder, describeConnectProblem, type RecordSummary } from './record.ts';
import { fmtElapsed, formatSummary, startStatusLine } from './status-line.ts';
import { inspectRecording, formatInspect } from './inspect.ts';
import { anonymizeRecording } from './anonymize.ts';
import { redactSource } from './redact.ts';
import { findRecording } from './find-recording.ts';

const pkgVersion = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
};

/** Parses a duration: 90, 90s, 5m, 1h, 1m30s, 500ms → ms. */
export function parseDuration(v: string): number {
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    matched = re.lastIndex;
  }
  if (matched !== s.length || s.length === 0) throw new InvalidArgumentError(`"${v}" is not a duration; use e.g. 90, 90s, 5m, 1h or 1m30s`);
  return Math.round(total);
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${v}" is not a positive whole number`);
  return n;
}

function bucketArg(v: string): number {
  const ms = parseDuration(v);
  if (ms < 1) throw new InvalidArgumentError(`"${v}" is too small; a rate bucket is at least 1ms, e.g. 10s`);
  return ms;
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`"${v}" is not a whole number`);
  return n;
}

function wsUrl(v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol === 'ws:' || u.protocol === 'wss:') return v;
  } catch {
    /* fall through */
  }
  throw new InvalidArgumentError(`"${v}" is not a WebSocket URL; use e.g. ws://127.0.0.1:21213/`);
}

/** recordings/<date>-<name> with the local date and time, e.g. recordings/2025-06-01-2130-mystream. */
export function defaultOutDir(base: string, name: string, at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return join(base, `${date}-${name.replace(/[^A-Za-z0-9_.-]+/g, '_')}`);
}

interface RecordFlags {
  from: string;
  tiktok?: string;
  out?: string;
  name?: string;
  recordings: string;
  duration?: number;
  maxEvents?: number;
  media: boolean;
  mediaConcurrency: number;
  twitch?: string;
  twitchFrom?: string;
  twitchPing?: number;
  allKinds?: boolean;
}

async function runRecord(f: RecordFlags): Promise<void> {
  const name = f.name ?? (f.twitch ? f.twitch.replace(/^#/, '') : f.tiktok ? f.tiktok.replace(/^@/, '') : 'session');
  const outDir = resolve(f.out ?? defaultOutDir(f.recordings, name));
  const tty = !!process.stderr.isTTY;
  const note = (text: string) => process.stderr.write(`${tty ? '\r\x1b[2K' : ''}tiksim record: ${text}\n`);
  let session: { stop(reason?: string): Promise<RecordSummary>; done: Promise<RecordSummary>; snapshot(): import('./record.ts').RecorderStats; start(): void; discardIfEmpty(): boolean };
  let noEventLine = (): string => '';
  if (f.allKinds && !f.tiktok) {
    process.stderr.write('tiksim record: --all-kinds needs --tiktok: a TikFinity socket only sends the kinds TikFinity forwards\n');
    process.exitCode = 2;
    return;
  }
  const twitchProblem = f.twitchFrom && !f.twitch ? '--twitch-from needs the channel to record: add --twitch <channel>' : f.twitch && f.tiktok ? '--twitch and --tiktok record different platforms: run two recorders, one each' : null;
  if (twitchProblem) {
    process.stderr.write(`tiksim record: ${twitchProblem}\n`);
    process.exitCode = 2;
    return;
  }
  if (f.twitch) {
    // Twitch chat through the same client as `tiksim watch`; frames are the raw IRC lines (recorder/twitch-record.ts).
    const { TwitchRecorder } = await import('./twitch-record.ts');
    try {
      session = new TwitchRecorder({ from: f.twitchFrom, channel: f.twitch, outDir, name, durationMs: f.duration, maxEvents: f.maxEvents, pingIntervalMs: f.twitchPing, tool: `tiksim ${pkgVersion()}`, onProblem: note });
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      process.stderr.write(`tiksim record: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
  } else if (f.tiktok) {
    const { TikTokRecorder } = await import('./tiktok-record.ts');
    const rec = new TikTokRecorder({ uniqueId: f.tiktok, outDir, name, durationMs: f.duration, maxEvents: f.maxEvents, media: f.media, allKinds: f.allKinds, tool: `tiksim ${pkgVersion()}`, onProblem: note });
    noEventLine = () => rec.noEventLine();
    session = rec;
  } else {
    session = new Recorder({ from: f.from, outDir, name, durationMs: f.duration, maxEvents: f.maxEvents, media: f.media, mediaConcurrency: f.mediaConcurrency, tool: `tiksim ${pkgVersion()}`, onProblem: note });
  }
  const source = f.twitch ? `Twitch #${f.twitch.replace(/^#/, '').toLowerCase()}${f.twitchFrom ? ` via ${redactSource(f.twitchFrom)}` : ''}` : f.tiktok ? `TikTok @${f.tiktok}` : redactSource(f.from);
  process.stderr.write(`recording ${source} into ${outDir} (Ctrl-C to stop)\n`);
  const stopLine = startStatusLine(process.stderr, () => session.snapshot());
  let interrupts = 0;
  const onSignal = () => {
    if (++interrupts > 1) process.exit(130);
    void session.stop('stopped (Ctrl-C)');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  session.start();
  const summary = await session.done;
  stopLine();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (summary.error) {
    process.stderr.write(formatSummary(summary) + '\n');
    process.stderr.write(`tiksim record: ${summary.error.message}\n  what was written up to then is readable: tiksim inspect ${summary.dir}\n`);
    process.exitCode = 1;
    return;
  }
  if (summary.frames === 0) {
    // Nothing recorded is a failure, and the empty folder must not block the same command run again.
    const why = !summary.connectedOnce
      ? f.tiktok || f.twitch
        ? summary.reason
        : (summary.retry?.problem ?? describeConnectProblem('ECONNREFUSED', f.from)) + ` (${summary.retry?.attempt ?? 1} attempts over ${fmtElapsed(summary.elapsedMs)})`
      : `connected to ${source}, but it sent no frames before the recording stopped (${summary.reason})`;
    const removed = session.discardIfEmpty();
    process.stderr.write(`tiksim record: nothing was recorded: ${why}\n  ${removed ? `the empty recording folder ${outDir} was removed` : `${outDir} is left as it was`}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(formatSummary(summary) + '\n');
  if (noEventLine()) process.stderr.write(noEventLine() + '\n');
}

const EXIT_CODES = 'Exit codes: 0 done, 1 failed (the message says why), 2 bad arguments or flags.';

/** Adds `record`, `decode`, `inspect` and `anonymize` to the program. */
export function registerRecorderCommands(program: Command): void {
  program
    .command('record')
    .description('record a live session from a TikFinity-compatible socket (or straight from TikTok) into recordings/<date>-<name>/')
    .option('--from <url>', 'TikFinity-compatible WebSocket to record', wsUrl, 'ws://127.0.0.1:21213/')
    .option('--tiktok <uniqueId>', 'record straight from TikTok LIVE through tiktok-live-connector (needs internet)')
    .option('--out <dir>', 'recording folder to create (default recordings/<date>-<name>)')
    .option('--name <name>', 'name used in the default folder name and the header')
    .option('--recordings <dir>', 'base folder for the default --out', 'recordings')
    .option('--duration <time>', 'stop after this long (90s, 5m, 1h)', parseDuration)
    .option('--max-events <n>', 'stop after this many frames', positiveInt)
    .option('--no-media', 'do not download profile pictures and gift images')
    .option('--media-concurrency <n>', 'parallel image downloads', positiveInt, 4)
    .option('--twitch <channel>', 'record Twitch chat of this channel instead (anonymously; real Twitch unless --twitch-from)')
    .option('--twitch-from <url>', 'with --twitch: the Twitch chat server, ws://, wss://, irc:// (TCP) or ircs://, e.g. tiksim serve --twitch on ws://127.0.0.1:21215')
    .option('--twitch-ping <time>', "with --twitch: the server's PING interval (the fake's --twitch-ping), e.g. 5s", parseDuration)
    .option('--all-kinds', 'with --tiktok: also record the kinds TikFinity does not forward, TLC-style ({"event":"goalUpdate","data":{...}})')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ tiksim record --duration 10m --name friday               # TikFinity (or tiksim) on ws://127.0.0.1:21213/',
        '  $ tiksim record --from ws://192.168.1.20:21213/ --max-events 5000',
        '  $ tiksim record --tiktok someuser                            # straight from TikTok LIVE (needs internet)',
        '  $ tiksim record --twitch somechannel --twitch-from ws://127.0.0.1:21215 --max-events 500  # Twitch chat: raw IRC lines',
        '  $ tiksim record --tiktok someuser --all-kinds                # also goals, polls, pins, ranks... TLC-style',
        '',
        'While the source does not answer it retries with backoff and says why on the status line.',
        'Exit codes: 0 recorded, 1 nothing recorded (nothing listening, TikTok offline or not live; the empty',
        'folder is removed) or a write failure (what was written stays readable), 2 bad flags.',
      ].join('\n'),
    )
    .action(async (flags: RecordFlags) => runRecord(flags));

  program
    .command('inspect')
    .description('summarise a recording: duration, events per kind, rates, viewers, top gifters, gaps, media, bad lines')
    .argument('<recording>', 'recording folder, its events.jsonl, or a name from tiksim list')
    .option('--json', 'print the report as JSON')
    .addOption(new Option('--bucket <time>', 'rate bucket size: 500ms, 10s, 1m (widened for long recordings, at most 2000 buckets)').argParser(bucketArg).default(10_000, '10s'))
    .option('--recordings <dir>', 'folder where recordings are looked up by name (then the bundled ones)', 'recordings')
    .addHelpText('after', `\nExamples:\n  $ tiksim inspect busy-streaks                        # a bundled recording, by name\n  $ tiksim inspect recordings/2025-06-01-2130-friday --bucket 1m\n  $ tiksim inspect friday --recordings ~/streams --json\n\n${EXIT_CODES}`)
    .action(async (arg: string, o: { json?: boolean; bucket: number; recordings: string }) => {
      const path = await findRecording(arg, o.recordings);
      const r = await inspectRecording(path, { bucketMs: o.bucket });
      process.stdout.write((o.json ? JSON.stringify(r, null, 2) : formatInspect(r)) + '\n');
    });

  program
    .command('anonymize')
    .description("write a copy of a recording with every viewer's ids, names and avatars replaced, consistently")
    .usage('<in> [out] --seed <n> [--out <dir>] [--keep-bad] [--name <name>]')
    .argument('<in>', 'recording folder, its events.jsonl, or a name from tiksim list')
    .argument('[out]', 'new recording folder to create (or give it with --out)')
    .requiredOption('--seed <n>', 'required: seed for the stand-ins (same seed, same stand-ins)', intArg)
    .option('--out <dir>', 'new recording folder to create (same as the second argument)')
    .option('--keep-bad', 'keep frames that are not TikFinity JSON (known names in them are still replaced; other identity in them is not)')
    .option('--name <name>', "the copy's name in its header (default: the output folder's name)")
    .option('--recordings <dir>', 'folder where <in> is looked up by name (then the bundled ones)', 'recordings')
    .addHelpText(
      'after',
      `\nExamples:\n  $ tiksim anonymize recordings/2025-06-01-2130-friday --out recordings/friday-anon --seed 1\n  $ tiksim anonymize quiet /tmp/quiet-again --seed 7          # a bundled recording, by name\n\n${EXIT_CODES} An existing --out is never overwritten (exit 1).`,
    )
    .action(async (inArg: string, outArg: string | undefined, o: { seed: number; out?: string; keepBad?: boolean; name?: string; recordings: string }) => {
      if (outArg && o.out && resolve(outArg) !== resolve(o.out)) throw new InvalidArgumentError(`two output folders given ("${outArg}" and --out "${o.out}"); give one`);
      const outPath = o.out ?? outArg;
      if (!outPath) throw new InvalidArgumentError('no output folder; give it as the second argument or with --out <dir>');
      const inPath = await findRecording(inArg, o.recordings);
      const r = await anonymizeRecording(inPath, outPath, o.seed, { keepBad: !!o.keepBad, name: o.name });
      const bad = o.keepBad ? `${r.passedThrough} not TikFinity JSON kept (names replaced)` : `${r.droppedBad} not TikFinity JSON dropped`;
      process.stderr.write(`anonymized ${r.frames} frames (${r.changed} changed, ${bad}), ${r.namesKnown} names replaced in text, kept ${r.mediaKept} images, made ${r.avatarsMade} stand-in avatars, ${r.badLines} bad lines skipped → ${outPath}\n`);
    });

  program
    .command('decode')
    .description('decode TikTok webcast push frames (base64 or binary, gzip or not) into TikFinity-shaped events, one JSON line each')
    .argument('[input]', 'base64 text, or a file path (base64 lines or binary); omit or "-" to read stdin')
    .option('--raw', 'also print each decoded message as the library decoded it')
    .option('--all-kinds', 'also print the kinds TikFinity does not forward, TLC-style ({"event":"goalUpdate","data":{...}})')
    .addHelpText(
      'after',
      `\nExamples:\n  $ tiksim decode recorder/fixtures/frames.b64           # a sample: two captured-shaped push frames\n  $ tiksim decode recorder/fixtures/frames.b64 --raw 2>&1 | less\n  $ cat frame.bin | tiksim decode -\n  $ tiksim decode recorder/fixtures/frames.b64 --all-kinds  # also goalUpdate, pollMessage, controlMessage...\n\nEvents go to stdout; unknown message types, the count of decoded types with no TikFinity event, and errors to stderr.\nExit codes: 0 decoded, 1 no webcast message in the input (empty, or not a push frame), 2 bad argument or\nno input (no argument on a terminal prints usage).`,
    )
    .action(async (input: string | undefined, o: { raw?: boolean; allKinds?: boolean }) => {
      const { runDecode } = await import('./decode.ts');
      const code = await runDecode(input, { raw: !!o.raw, allKinds: !!o.allKinds, out: process.stdout, err: process.stderr });
      if (code) process.exitCode = code;
    });
}
