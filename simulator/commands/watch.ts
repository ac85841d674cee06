import { type Command, InvalidArgumentError } from 'commander';
import { isLoopbackHost } from '../server/auth.ts';
import { intArg, offsetArg } from './parse-args.ts';
import { TWITCH_CHAT_URL, TWITCH_TOKEN_ENV, type WatchFlags } from './watch-flags.ts';

/**
 * `tiksim watch`: TikTok and Twitch chat merged into one live stream (receivers/aggregate.ts) on the terminal, as
 * JSON lines (`--json`), with a sound per message, and on a WebSocket for the overlay (`--serve-port`).
 * This module only declares the flags; watch-run.ts (loaded when the command runs) does the work.
 */

function channelsArg(v: string, prev: string[]): string[] {
  const names = v.split(',').map((s) => s.trim().replace(/^#/, '').toLowerCase()).filter((s) => s !== '');
  for (const n of names) if (!/^[a-z0-9_]{1,25}$/.test(n)) throw new InvalidArgumentError(`"${n}" is not a Twitch channel name (letters, digits and _, at most 25).`);
  return [...prev, ...names];
}

function urlArg(schemes: string[]): (v: string) => string {
  return (v) => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new InvalidArgumentError(`"${v}" is not a URL; e.g. ${schemes[0]}//127.0.0.1:21213/`);
    }
    if (!schemes.includes(u.protocol)) throw new InvalidArgumentError(`"${v}" must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
    return v;
  };
}

/** Registers `tiksim watch`. */
export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('watch TikTok and Twitch chat merged into one stream: printed, as JSON lines, with a sound, and on a WebSocket for overlays')
    .option('--tiktok-from <url>', 'a TikFinity-compatible socket (TikFinity, or tiksim serve), e.g. ws://127.0.0.1:21213/', urlArg(['ws:', 'wss:']))
    .option('--tiktok <user>', 'TikTok LIVE directly (tiktok-live-connector; needs internet), by @uniqueId')
    .option('--twitch-from <url>', `Twitch chat: ws://, wss:// or irc:// (TCP) / ircs:// (default ${TWITCH_CHAT_URL} when a channel is given)`, urlArg(['ws:', 'wss:', 'irc:', 'ircs:']))
    .option('--twitch-channel <names>', 'Twitch channel(s) to read; comma-separated or repeated', channelsArg, [])
    .option('--twitch-nick <login>', `login to use with a token from $${TWITCH_TOKEN_ENV} (default: anonymous justinfan)`)
    .option('--twitch-ping <time>', "the server's PING interval (5m on Twitch; the fake's --twitch-ping): silence beyond it plus a grace reconnects", offsetArg)
    .option('--json', 'one JSON message per line on stdout (protocol/message.ts), every message included')
    .option('--sound <file>', 'a local sound file to play on each message (default: the built-in chime)')
    .option('--mute', 'no sound')
    .option('--sound-interval <ms>', 'shortest gap between two sounds', intArg(0, 3_600_000), 300)
    .option('--serve-port <port>', 'also serve the merged stream on ws://127.0.0.1:<port>/ for the overlay (?aggregate=); 0 picks one', intArg(0, 65535))
    .option('--host <host>', 'address for --serve-port; anything but loopback requires --token', '127.0.0.1')
    .option('--token <secret>', 'require this token (?token=) on the --serve-port socket')
    .option('--count <n>', 'stop after n messages (scripts, tests)', intArg(1, Number.MAX_SAFE_INTEGER))
    .option('--no-status', 'do not report source state changes on stderr')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ tiksim watch --tiktok-from ws://127.0.0.1:21213/ --twitch-from ws://127.0.0.1:21215 --twitch-channel somechannel',
        '  $ tiksim watch --twitch-channel somechannel --json | jq .text      # real Twitch, anonymously',
        '  $ tiksim watch --tiktok someuser --twitch-channel somechannel       # TikTok LIVE and Twitch, both real (internet)',
        '  $ tiksim watch --tiktok-from ws://127.0.0.1:21213/ --serve-port 21216 --mute',
        '    then open http://127.0.0.1:21213/overlay/?aggregate=ws://127.0.0.1:21216/',
        `  $ ${TWITCH_TOKEN_ENV}=oauth:... tiksim watch --twitch-channel me --twitch-nick me`,
        '',
        'Text output leaves out viewer counts and gift streaks still running (their end is shown); --json has every message.',
        'The sound plays through paplay, pw-play, aplay or afplay when one is installed, the terminal bell otherwise,',
        'at most once per --sound-interval.',
        'Exit codes: 0 stopped (Ctrl-C or --count reached), 1 every source failed (the reasons are printed) or the',
        '--serve-port socket could not start, 2 bad flags.',
      ].join('\n'),
    )
    .action(async (flags: WatchFlags) => {
      if (!flags.tiktokFrom && !flags.tiktok && !flags.twitchFrom && flags.twitchChannel.length === 0) {
        throw new InvalidArgumentError('nothing to watch: give --tiktok-from <url> or --tiktok <user>, --twitch-channel <name>, or both.');
      }
      if (flags.twitchFrom && flags.twitchChannel.length === 0) {
        throw new InvalidArgumentError('--twitch-from needs a channel to join: add --twitch-channel <name>.');
      }
      if (flags.mute && flags.sound) throw new InvalidArgumentError('--sound and --mute contradict each other: drop one.');
      if (flags.servePort === undefined && (flags.token || flags.host !== '127.0.0.1')) {
        throw new InvalidArgumentError('--host and --token apply to the --serve-port socket: add --serve-port <port>, or drop them.');
      }
      if (!isLoopbackHost(flags.host) && !flags.token) {
        throw new InvalidArgumentError(`--host ${flags.host} exposes the merged socket beyond this machine: add --token <secret>, or keep the default 127.0.0.1.`);
      }
      const { runWatch } = await import('./watch-run.ts');
      process.exit(await runWatch(flags));
    });
}
