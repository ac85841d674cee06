/**
 * Replay fault cases: recordings corrupted in the ways a crash, an editor or a disk does it. Shared by the tests and
 * bench/faults.ts. Each case throws saying what broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { frameLine, makeHeader } from '../../recorder/format.ts';
import { inspectRecording } from '../../recorder/inspect.ts';
import { mediaKey } from '../../recorder/media-urls.ts';
import { createReplayer, type ReplayTarget } from '../../simulator/replay/replayer.ts';
import { isJson, tempDir } from './helpers.ts';

/** A replay target that keeps what it was sent. */
export function collector(): ReplayTarget & { got: string[] } {
  const got: string[] = [];
  return { got, send: (text) => void got.push(text), writable: () => true, whenWritable: async () => undefined };
}

/** Lines that are not a valid entry, each as the bytes written to the file (no "\n" inside). */
export const badLineArb: fc.Arbitrary<Buffer> = fc.oneof(
  // Not JSON at all.
  fc
    .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
    .filter((s) => !s.includes('\n') && !s.includes('\r') && s.trim() !== '' && !isJson(s))
    .map((s) => Buffer.from(s, 'utf8')),
  // JSON, but not an object.
  fc.constantFrom('1', '[]', '[{"t":1,"frame":"x"}]', 'null', '"frame"', 'true').map((s) => Buffer.from(s)),
  // An object of the wrong shape.
  fc
    .constantFrom(
      '{"t":-1,"frame":"x"}',
      '{"t":"1","frame":"x"}',
      '{"t":1}',
      '{"frame":"x"}',
      '{"t":1,"frame":2}',
      '{"t":1,"frame":"x","extra":true}',
      '{"type":"nope","t":1}',
      '{"type":"gap","t":1}',
      '{"type":"media","t":1,"url":"u"}',
      '{"type":"header","format":"tiksim-recording","version":1}',
      '{}',
    )
    .map((s) => Buffer.from(s)),
  // An empty line, and bytes that are not UTF-8.
  fc.constant(Buffer.alloc(0)),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((a) => Buffer.concat([Buffer.from([0xff, 0xc3]), Buffer.from(a.filter((b) => b !== 10))])),
);

/** A corrupted recording: good frames with bad lines mixed in, maybe a cut last line. */
export interface Corruption {
  frames: string[];
  /** Index in `frames` before which each bad line goes. */
  bad: Array<{ before: number; bytes: Buffer }>;
  /** Keep this many bytes of one more frame line, without its "\n" (0: none). */
  cutLast: number;
}

export const corruptionArb: fc.Arbitrary<Corruption> = fc
  .array(fc.string({ maxLength: 30, unit: 'binary' }), { minLength: 1, maxLength: 30 })
  .chain((frames) =>
    fc.record({
      frames: fc.constant(frames),
      bad: fc.array(fc.record({ before: fc.nat({ max: frames.length }), bytes: badLineArb }), { maxLength: 4 }),
      cutLast: fc.nat({ max: 20 }),
    }),
  );

/** Writes a corrupted recording; returns its folder and the line numbers of the bad lines and of the cut line. */
export function writeCorrupted(c: Corruption): { dir: string; badLines: number[]; cutLine: number | null } {
  const dir = join(tempDir('tiksim-faults-rep-'), 'rec');
  mkdirSync(join(dir, 'media'), { recursive: true });
  const parts: Buffer[] = [Buffer.from(JSON.stringify(makeHeader('test', 1_700_000_000_000, 'tiksim faults')) + '\n')];
  const badLines: number[] = [];
  let line = 2;
  const bad = [...c.bad].sort((a, b) => a.before - b.before);
  let b = 0;
  for (let i = 0; i <= c.frames.length; i++) {
    while (b < bad.length && bad[b]!.before === i) {
      parts.push(bad[b]!.bytes, Buffer.from('\n'));
      badLines.push(line++);
      b++;
    }
    if (i < c.frames.length) {
      parts.push(Buffer.from(frameLine(i * 10, c.frames[i]!) + '\n', 'utf8'));
      line++;
    }
  }
  let cutLine: number | null = null;
  if (c.cutLast > 0) {
    const whole = Buffer.from(frameLine(9999, 'the frame being written when the recorder died'), 'utf8');
    parts.push(whole.subarray(0, Math.min(c.cutLast, whole.length - 1)));
    cutLine = line;
  }
  writeFileSync(join(dir, 'events.jsonl'), Buffer.concat(parts));
  return { dir, badLines, cutLine };
}

/**
 * The corrupted recording must be refused with E_REC_BAD_LINE naming `events.jsonl:<first bad line>` and --skip-bad
 * (unless only the last line is cut); with skipBad it must play every good frame, byte for byte, in order, reporting
 * each bad line by number; inspect must list the same lines.
 */
export async function checkCorruption(c: Corruption): Promise<void> {
  const { dir, badLines, cutLine } = writeCorrupted(c);
  const events = join(dir, 'events.jsonl');
  let refused: (Error & { code?: string }) | null = null;
  try {
    await createReplayer({ path: dir, mediaBase: 'http://x', rewriteMedia: false }, collector());
  } catch (e) {
    refused = e as Error & { code?: string };
  }
  if (badLines.length) {
    if (!refused) throw new Error(`bad lines ${badLines.join(',')} were not refused`);
    if (refused.code !== 'E_REC_BAD_LINE') throw new Error(`code ${refused.code}, expected E_REC_BAD_LINE: ${refused.message}`);
    if (!refused.message.startsWith(`${events}:${badLines[0]}: `)) throw new Error(`message does not start with file:line ${badLines[0]}: ${refused.message}`);
    if (!refused.message.includes('--skip-bad')) throw new Error(`message does not mention --skip-bad: ${refused.message}`);
  } else if (refused) throw new Error(`a recording with ${cutLine ? 'only a cut last line' : 'no bad line'} was refused: ${refused.message}`);

  const c2 = collector();
  const reported: number[] = [];
  let failed: Error | null = null;
  const rep = await createReplayer(
    { path: dir, mediaBase: 'http://x', rewriteMedia: false, instant: true, skipBad: true, onBadLine: (b) => reported.push(b.line), onError: (e) => (failed = e) },
    c2,
  );
  const done = new Promise<void>((r) => {
    const t = setInterval(() => {
      if (rep.status().ended) {
        clearInterval(t);
        r();
      }
    }, 1);
  });
  rep.start();
  await Promise.race([done, new Promise((_, rej) => setTimeout(() => rej(new Error('replay did not end in 5 s')), 5000))]);
  if (failed) throw new Error(`replay stopped: ${(failed as Error).message}`);
  if (JSON.stringify(c2.got) !== JSON.stringify(c.frames)) throw new Error(`played ${c2.got.length} frames, expected the ${c.frames.length} good ones exactly`);
  const want = [...badLines, ...(cutLine ? [cutLine] : [])].sort((a, b) => a - b);
  const got = [...reported].sort((a, b) => a - b);
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`reported bad lines ${got.join(',')}, expected ${want.join(',')}`);

  const r = await inspectRecording(dir);
  const inspected = r.badLines.map((x) => x.line).sort((a, b) => a - b);
  if (JSON.stringify(inspected) !== JSON.stringify(want)) throw new Error(`inspect lists bad lines ${inspected.join(',')}, expected ${want.join(',')}`);
  if (r.truncated !== (cutLine !== null)) throw new Error(`inspect says truncated=${r.truncated}`);
  if (r.frames !== c.frames.length) throw new Error(`inspect counts ${r.frames} frames, expected ${c.frames.length}`);
}

/** Recordings broken at the header or as a whole, with the error code and message each must get. */
export function brokenRecordings(): Array<{ name: string; dir: string; code: string; message: RegExp }> {
  const base = tempDir('tiksim-faults-broken-');
  const header = (over: Record<string, unknown> = {}) => JSON.stringify({ ...makeHeader('test', 1_700_000_000_000, 'tiksim faults'), ...over });
  const make = (name: string, content: string | Buffer | null): string => {
    const dir = join(base, name);
    mkdirSync(dir, { recursive: true });
    if (content !== null) writeFileSync(join(dir, 'events.jsonl'), content);
    return dir;
  };
  const f = (name: string) => join(base, name, 'events.jsonl').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const list = [
    { name: 'newer-version', content: `${header({ version: 2 })}\n${frameLine(0, 'x')}\n`, code: 'E_REC_VERSION', message: new RegExp(`^${f('newer-version')}:1: format version 2 is newer than this tool reads \\(1\\); update tiksim`) },
    { name: 'version-zero', content: `${header({ version: 0 })}\n`, code: 'E_REC_BAD_HEADER', message: new RegExp(`^${f('version-zero')}:1: not a tiksim recording header: version`) },
    { name: 'other-format', content: `${header({ format: 'something-else' })}\n`, code: 'E_REC_BAD_HEADER', message: new RegExp(`^${f('other-format')}:1: not a tiksim recording header: format`) },
    { name: 'missing-header', content: `${frameLine(0, '{"event":"chat"}')}\n${frameLine(5, 'y')}\n`, code: 'E_REC_BAD_HEADER', message: new RegExp(`^${f('missing-header')}:1: not a tiksim recording header: type`) },
    { name: 'header-not-json', content: 'tiksim recording v1\n', code: 'E_REC_BAD_HEADER', message: new RegExp(`^${f('header-not-json')}:1: header is not JSON .*is this a tiksim recording\\?`) },
    { name: 'header-binary', content: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x0a]), code: 'E_REC_BAD_HEADER', message: new RegExp(`^${f('header-binary')}:1: header is not JSON`) },
    { name: 'empty', content: '', code: 'E_REC_BAD_HEADER', message: new RegExp(`^${f('empty')}:1: the file is empty; not a tiksim recording`) },
    { name: 'no-events-file', content: null, code: 'E_REC_NOT_FOUND', message: /recording not found: .*no-events-file.*events\.jsonl is missing/ },
    { name: 'bad-line', content: `${header()}\n${frameLine(0, 'a')}\n{"t":1,"frame":\n${frameLine(2, 'b')}\n`, code: 'E_REC_BAD_LINE', message: new RegExp(`^${f('bad-line')}:3: not JSON.*--skip-bad`) },
  ];
  return list.map((x) => ({ name: x.name, dir: make(x.name, x.content), code: x.code, message: x.message }));
}

/** A recording whose frames name images that were never captured (media/ missing, or index.json corrupt). */
export function recordingWithMissingMedia(kind: 'no-media-dir' | 'corrupt-index' | 'index-points-nowhere'): { dir: string; url: string } {
  const dir = join(tempDir('tiksim-faults-media-'), kind);
  const url = `https://p16-sign.tiktokcdn.com/tos-maliva/${kind}.webp?x=1`;
  mkdirSync(dir, { recursive: true });
  const frame = JSON.stringify({ event: 'chat', data: { comment: 'hi', profilePictureUrl: url } });
  writeFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(makeHeader('test', 1_700_000_000_000, 'tiksim faults'))}\n${frameLine(0, frame)}\n`);
  if (kind !== 'no-media-dir') mkdirSync(join(dir, 'media'));
  if (kind === 'corrupt-index') writeFileSync(join(dir, 'media', 'index.json'), '{"https://x": {"key":');
  if (kind === 'index-points-nowhere') {
    writeFileSync(join(dir, 'media', 'index.json'), JSON.stringify({ [url]: { key: mediaKey(url), file: `${mediaKey(url)}.webp` } }));
  }
  return { dir, url };
}
