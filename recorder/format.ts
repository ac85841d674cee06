/**
 * The recording format, version 1 (documented in recordings/README.md).
 *
 * A recording is a folder holding `events.jsonl` and `media/`. Line 1 of events.jsonl is the header; every other line
 * is one entry: a frame `{"t":12,"frame":"<exact text>"}`, a gap `{"type":"gap",...}` or a media note
 * `{"type":"media",...}`. Offsets `t` are ms since the header's `startMs`.
 */
import { z } from 'zod';
import type { RecordingErrorCode } from '../protocol/errors.ts';

export const FORMAT_NAME = 'tiksim-recording';
export const FORMAT_VERSION = 1;
export const EVENTS_FILE = 'events.jsonl';
export const MEDIA_DIR = 'media';
export const MEDIA_INDEX = 'index.json';
/**
 * The largest offset (and gap duration) a recording may hold: 30 days in ms. Anything beyond is not a plausible
 * recording but a crafted or corrupt line (1e308 once took inspect out of memory), so readers reject it as a bad line.
 */
export const MAX_OFFSET_MS = 30 * 24 * 3600 * 1000;

/** Error codes every recording reader/writer error carries (`err.code`): the E_REC_* rows of protocol/errors.ts. */
export type RecErrorCode = RecordingErrorCode;

/** An Error with an E_REC_* `code`. */
export class RecordingError extends Error {
  constructor(
    readonly code: RecErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}

export const headerSchema = z.object({
  type: z.literal('header'),
  format: z.literal(FORMAT_NAME),
  version: z.number().int().positive(),
  source: z.string(),
  startedAt: z.string(),
  startMs: z.number(),
  tool: z.string(),
  name: z.string().optional(),
  anonymized: z.object({ seed: z.number() }).optional(),
  /** Absent: TikTok (TikFinity frames). `twitch`: every frame is one raw IRC line of `channel` (recorder/twitch-record.ts). */
  platform: z.enum(['tiktok', 'twitch']).optional(),
  channel: z.string().optional(),
});
export type Header = z.infer<typeof headerSchema>;

const offset = z.number().min(0).max(MAX_OFFSET_MS, `offset over ${MAX_OFFSET_MS} ms (30 days); not a plausible recording offset`);
const frameSchema = z.object({ t: offset, frame: z.string(), raw: z.string().optional() }).strict();
const gapSchema = z
  .object({ type: z.literal('gap'), t: offset, durationMs: offset, reason: z.string() })
  .strict();
const mediaSchema = z
  .object({
    type: z.literal('media'),
    t: offset,
    url: z.string(),
    key: z.string(),
    ok: z.boolean(),
    file: z.string().optional(),
    bytes: z.number().optional(),
    error: z.string().optional(),
  })
  .strict();
/** A raw TikTok webcast frame kept beside the mapped events (`--tiktok`), base64. */
const rawSchema = z.object({ type: z.literal('raw'), t: offset, b64: z.string() }).strict();
/**
 * A binary WebSocket frame from the recorded socket, its bytes in base64. TikFinity sends text frames only, so this is
 * rare; it is kept (not decoded as UTF-8, which would change its bytes) so "every frame" holds. A reader that does not
 * know it reports a bad line rather than mistaking it for text.
 */
const binarySchema = z.object({ type: z.literal('binary'), t: offset, b64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }).strict();

export type FrameEntry = z.infer<typeof frameSchema>;
export type GapEntry = z.infer<typeof gapSchema>;
export type MediaEntry = z.infer<typeof mediaSchema>;
export type RawEntry = z.infer<typeof rawSchema>;
export type BinaryEntry = z.infer<typeof binarySchema>;
export type Entry =
  | ({ kind: 'frame' } & FrameEntry)
  | ({ kind: 'gap' } & GapEntry)
  | ({ kind: 'media' } & MediaEntry)
  | ({ kind: 'raw' } & RawEntry)
  | ({ kind: 'binary' } & BinaryEntry);

/** Builds the header object for a new recording. */
export function makeHeader(source: string, startMs: number, tool: string, name?: string): Header {
  return {
    type: 'header',
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    source,
    startedAt: new Date(startMs).toISOString(),
    startMs,
    tool,
    ...(name ? { name } : {}),
  };
}

/** Serialises one frame line (without newline); `frame` is kept exactly, JSON-escaped. */
export function frameLine(t: number, frame: string): string {
  return `{"t":${t},"frame":${JSON.stringify(frame)}}`;
}

/** Serialises a gap, media, raw or binary entry line (without newline). */
export function entryLine(e: GapEntry | MediaEntry | RawEntry | BinaryEntry): string {
  return JSON.stringify(e);
}

/** True when text holds control characters or undecodable bytes (U+FFFD): binary data, never to be echoed in a message. */
export function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(text);
}

/** JSON.parse's complaint about `text`, without echoing it: Node quotes the input, which may be binary or huge. */
function jsonComplaint(e: unknown, text: string): string {
  if (looksBinary(text)) return 'binary data';
  return (e as Error).message.replace(/, ".*" is not valid JSON$/s, '').slice(0, 160);
}

/** Parses the header line; throws RecordingError E_REC_BAD_HEADER / E_REC_VERSION with what was wrong. */
export function parseHeader(line: string, file: string): Header {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    const why = jsonComplaint(e, line);
    throw new RecordingError('E_REC_BAD_HEADER', why === 'binary data' ? `${file}:1: header is not JSON (binary data: is this a tiksim recording?)` : `${file}:1: header is not JSON (${why}); is this a tiksim recording?`);
  }
  const obj = raw as { format?: unknown; version?: unknown };
  if (obj && typeof obj === 'object' && obj.format === FORMAT_NAME && typeof obj.version === 'number' && obj.version > FORMAT_VERSION) {
    throw new RecordingError('E_REC_VERSION', `${file}:1: format version ${obj.version} is newer than this tool reads (${FORMAT_VERSION}); update tiksim`);
  }
  const res = headerSchema.safeParse(raw);
  if (!res.success) {
    const issue = res.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') : 'header';
    throw new RecordingError('E_REC_BAD_HEADER', `${file}:1: not a tiksim recording header: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return res.data;
}

/** Parses one entry line; returns the entry or an error text saying what was wrong. Never throws. */
export function parseEntry(line: string): { ok: true; entry: Entry } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `not JSON: ${jsonComplaint(e, line)}` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'not a JSON object' };
  const type = (raw as { type?: unknown }).type;
  const pick = (): [z.ZodType, Entry['kind']] | null => {
    if (type === undefined) return [frameSchema, 'frame'];
    if (type === 'gap') return [gapSchema, 'gap'];
    if (type === 'media') return [mediaSchema, 'media'];
    if (type === 'raw') return [rawSchema, 'raw'];
    if (type === 'binary') return [binarySchema, 'binary'];
    return null;
  };
  const p = pick();
  if (!p) return { ok: false, error: `unknown entry type ${JSON.stringify(type)} (expected a frame, "gap", "media", "raw" or "binary")` };
  const res = p[0].safeParse(raw);
  if (!res.success) {
    const issue = res.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') : 'entry';
    return { ok: false, error: `${p[1]}: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, entry: { kind: p[1], ...(res.data as object) } as Entry };
}

/** Fast path for frame lines written by the writer: avoids zod for `{"t":N,"frame":"..."}`. */
export function parseEntryFast(line: string): { ok: true; entry: Entry } | { ok: false; error: string } {
  if (line.startsWith('{"t":')) {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      return { ok: false, error: `not JSON: ${jsonComplaint(e, line)}` };
    }
    const o = raw as { t?: unknown; frame?: unknown };
    const keys = Object.keys(o);
    if (typeof o.t === 'number' && o.t >= 0 && o.t <= MAX_OFFSET_MS && typeof o.frame === 'string' && keys.length === 2) {
      return { ok: true, entry: { kind: 'frame', t: o.t, frame: o.frame } };
    }
  }
  return parseEntry(line);
}
