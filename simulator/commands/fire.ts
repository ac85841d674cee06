/** `tiksim fire <kind>`: fires events at a running simulator through its API, so nobody needs curl for the common cases. */
import { Command, InvalidArgumentError } from 'commander';
import { EVENT_NAMES, isEventName, isTiktokEventName, type FireBody } from '../../protocol/index.ts';

interface FireFlags {
  url: string;
  token?: string;
  gift?: string;
  repeat?: number;
  user?: string;
  face?: boolean;
  comment?: string;
  count?: number;
  data?: string;
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${v}" is not a whole number of at least 1`);
  return n;
}

/** The POST /api/events body for the flags. */
export function fireBody(kind: string, f: FireFlags): FireBody {
  if (!isEventName(kind) && !isTiktokEventName(kind)) {
    throw new InvalidArgumentError(`unknown event "${kind}"; events: ${EVENT_NAMES.join(', ')}, or any TikTok kind of docs/KINDS.md (goalUpdate, pollMessage...) at a simulator started with --all-kinds`);
  }
  let data: Record<string, unknown> = {};
  if (f.data) {
    try {
      data = JSON.parse(f.data) as Record<string, unknown>;
    } catch (e) {
      throw new InvalidArgumentError(`--data is not JSON: ${(e as Error).message}; e.g. --data '{"likeCount":5}'`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InvalidArgumentError('--data must be a JSON object of the event\'s fields');
  }
  if (f.gift !== undefined) {
    if (kind !== 'gift') throw new InvalidArgumentError('--gift only applies to `tiksim fire gift`');
    data = /^\d+$/.test(f.gift) ? { ...data, giftId: Number(f.gift) } : { ...data, giftName: f.gift };
  }
  if (f.repeat !== undefined) {
    if (kind !== 'gift') throw new InvalidArgumentError('--repeat only applies to `tiksim fire gift`');
    data = { ...data, repeatCount: f.repeat };
  }
  if (f.comment !== undefined) data = { ...data, comment: f.comment };
  const body: FireBody = { event: kind };
  if (Object.keys(data).length > 0) body.data = data;
  if (f.user !== undefined && f.face) throw new InvalidArgumentError('give --user or --face, not both');
  if (f.user !== undefined) body.user = { uniqueId: f.user.replace(/^@/, '') };
  if (f.face) body.user = { face: true };
  if (f.count !== undefined) body.count = f.count;
  return body;
}

/** Registers `tiksim fire`. */
export function registerFire(program: Command): void {
  program
    .command('fire')
    .description('fire events at a running simulator (tiksim serve) through its control API')
    .argument('<kind>', `event kind: ${EVENT_NAMES.join(', ')}; with serve --all-kinds any TikTok kind (docs/KINDS.md)`)
    .option('--url <url>', 'the simulator', 'http://127.0.0.1:21213')
    .option('--token <secret>', 'the token the simulator was started with')
    .option('--gift <name|id>', 'gift: which one (name or id, e.g. Lion or 6369)')
    .option('--repeat <n>', 'gift: streak length (streakable gifts tap n times, then end)', intArg)
    .option('--user <uniqueId>', 'who sends it (a viewer of the population)')
    .option('--face', 'sent by a viewer with a real face photo (for face effects)')
    .option('--comment <text>', 'chat: the comment')
    .option('--count <n>', 'how many events (1 to 1000)', intArg)
    .option('--data <json>', "more fields of the event, e.g. '{\"likeCount\":15}'")
    .addHelpText('after', `
Examples:
  $ tiksim fire gift --gift Lion --face
  $ tiksim fire gift --gift Rose --repeat 5 --user viewer_6d413b3a
  $ tiksim fire chat --comment "hello" --count 3
  $ tiksim fire like --data '{"likeCount":15}'
  $ tiksim fire follow --url http://127.0.0.1:21214 --token s3cret
  $ tiksim fire goalUpdate --data '{"contributeCount":"10"}'   (at a simulator started with --all-kinds)

Exit codes: 0 fired, 1 the simulator refused it or is not running (the message says why), 2 bad flags.`)
    .action(async (kind: string, f: FireFlags) => {
      const body = fireBody(kind, f);
      const base = f.url.replace(/\/+$/, '');
      let res: Response;
      try {
        res = await fetch(`${base}/api/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(f.token ? { authorization: `Bearer ${f.token}` } : {}) },
          body: JSON.stringify(body),
        });
      } catch {
        process.stderr.write(`tiksim fire: no simulator answers at ${base}; start one with \`tiksim serve\` (or give --url)\n`);
        process.exitCode = 1;
        return;
      }
      const reply = (await res.json().catch(() => null)) as { scheduled?: number; error?: { code: string; message: string } } | null;
      if (!res.ok) {
        const e = reply?.error;
        process.stderr.write(`tiksim fire: ${e ? `${e.code}: ${e.message}` : `the simulator answered ${res.status}`}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`fired ${kind}: ${reply?.scheduled ?? '?'} frame(s) scheduled\n`);
    });
}
