/** `tiksim decode`: TikTok webcast push frames (base64 or binary, gzip or not) → TikFinity-shaped events as JSON lines. */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { deserializeWebSocketMessage, deserializeMessage } from 'tiktok-live-connector';
import { isForwardedByTikfinity } from '../protocol/tiktok-names.ts';
import { mapWebcastMessage, tlcEventsOf } from './tiktok-map.ts';
import { looksBinary } from './format.ts';

/** What one push frame held. */
export interface DecodedFrame {
  /** TikFinity frames (the kinds TikFinity forwards). */
  events: Array<{ event: string; data: unknown }>;
  /** With `allKinds`: the kinds TikFinity does not forward, as TLC v2 emits them (`data` is the decoded message). */
  tlc: Array<{ event: string; data: unknown }>;
  /** Message types the library decoded that make no TikFinity event. */
  noEvent: string[];
  /** Message types the library has no schema for (left undecoded). */
  unknown: string[];
  errors: string[];
  raw: Array<{ type: string; data: unknown }>;
}

/** The decoder's reason in a few words: its first line, without the library's "Failed to decode message type: X:" and error class. */
function why(e: unknown): string {
  const first = String((e as Error)?.message ?? e).split('\n')[0]!;
  return first.replace(/^Failed to decode message type: [^:]+: /, '').replace(/^[A-Za-z]*Error: /, '');
}

/**
 * The TLC-style frames of one decoded message that TikFinity does not forward (a control message beside its
 * streamEnd, a superFan beside its barrage, a goalUpdate...): `{event, data}` with the message as TLC emits it.
 */
export function tlcFrames(type: string, data: unknown): Array<{ event: string; data: unknown }> {
  return tlcEventsOf(type, data)
    .filter((e) => !isForwardedByTikfinity(e))
    .map((event) => ({ event, data }));
}

/**
 * Decodes one push frame's bytes (a whole gzip file of one is accepted too). Never throws: errors are listed.
 * `allKinds` also lists the kinds TikFinity does not forward, TLC-style (`tlc`).
 */
export async function decodePushFrame(bytes: Uint8Array, o: { allKinds?: boolean } = {}): Promise<DecodedFrame> {
  const out: DecodedFrame = { events: [], tlc: [], noEvent: [], unknown: [], errors: [], raw: [] };
  let buf = Buffer.from(bytes);
  if (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      out.errors.push(`gzip: ${(e as Error).message}`);
      return out;
    }
  }
  let result: { messages?: unknown[] } | undefined;
  try {
    const frame = (await deserializeWebSocketMessage(buf)) as { protoMessageFetchResult?: { messages?: unknown[] } };
    result = frame.protoMessageFetchResult;
  } catch (e) {
    out.errors.push(`not a webcast push frame: ${why(e)}`);
  }
  if (!result) {
    // Maybe a bare ProtoMessageFetchResult (the push frame's payload).
    try {
      result = deserializeMessage('ProtoMessageFetchResult', buf) as { messages?: unknown[] };
      // Random bytes often parse as an empty fetch result: only one that holds messages replaces the push frame's error.
      if (result.messages?.length) out.errors.length = 0;
    } catch {
      if (!out.errors.length) out.errors.push('frame holds no message payload');
      return out;
    }
  }
  for (const m of result?.messages ?? []) {
    const msg = m as { method?: string; decodedData?: { type: string; data: unknown }; decodeError?: Error };
    if (msg.decodeError) {
      out.errors.push(`${msg.method}: cannot decode it (${why(msg.decodeError)}; truncated, or not a ${msg.method}): skipped`);
      continue;
    }
    if (!msg.decodedData) {
      out.unknown.push(msg.method ?? '?');
      continue;
    }
    out.raw.push(msg.decodedData);
    const { type, data } = msg.decodedData;
    const mapped = mapWebcastMessage(type, data);
    if (mapped) out.events.push(mapped);
    else out.noEvent.push(type);
    if (o.allKinds) out.tlc.push(...tlcFrames(type, data));
  }
  return out;
}

/** Turns the input (base64 text, a file path, or stdin) into a list of frames' bytes: one per base64 line. */
export function inputFrames(input: Buffer, isText: boolean): Uint8Array[] {
  if (isText) {
    const lines = input.toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length && lines.every((l) => /^[A-Za-z0-9+/_-]+=*$/.test(l))) return lines.map((l) => Buffer.from(l, 'base64'));
  }
  return [input];
}

/**
 * JSON for decoded messages: bigints as decimal text, bytes as base64. Buffers are read from the holder (`this`),
 * since JSON.stringify has already turned them into `{type,data}` by the time a replacer sees the value.
 */
export function bigintSafe(this: unknown, k: string, v: unknown): unknown {
  const orig = (this as Record<string, unknown> | null)?.[k];
  if (orig instanceof Uint8Array) return Buffer.from(orig).toString('base64');
  return typeof v === 'bigint' ? v.toString() : v;
}

/** `type ×n, ...`: how many messages of each type, in first-seen order. */
export function countTypes(types: string[]): string {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([t, c]) => `${t} ×${c}`).join(', ');
}

/** Usage text for `decode` when there is nothing to read (no argument on a terminal). */
export const DECODE_USAGE = [
  'usage: tiksim decode <base64 | file | ->',
  '  decodes TikTok webcast push frames into TikFinity-shaped events, one JSON line each, e.g.',
  '    tiksim decode recorder/fixtures/frames.b64',
  '    tiksim decode recorder/fixtures/frames.b64 --all-kinds   (also the kinds TikFinity does not forward)',
  '    tiksim decode CAEQ...      (one frame as base64)',
  '    cat frames.bin | tiksim decode -',
  '  no argument reads stdin; on a terminal there is nothing to read, so give a file or pipe frames in',
].join('\n');

/** A short, safe rendering of user input for a message: never raw binary, never more than `max` characters. */
export function quoteInput(text: string, max = 40): string {
  if (looksBinary(text)) return '(binary data)';
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

/** Runs the command: prints one JSON line per event; reports unknown types and errors on `err`. Returns the exit code. */
export async function runDecode(
  input: string | undefined,
  io: { raw: boolean; allKinds?: boolean; out: NodeJS.WritableStream; err: NodeJS.WritableStream; stdin?: NodeJS.ReadableStream & { isTTY?: boolean } },
): Promise<number> {
  let data: Buffer;
  let text: boolean;
  let what: string;
  if (input === undefined || input === '-') {
    const stdin = io.stdin ?? process.stdin;
    if (input === undefined && stdin.isTTY) {
      // Reading a terminal would wait silently for input nobody knows to type.
      io.err.write(DECODE_USAGE + '\n');
      return 2;
    }
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(Buffer.from(c as Buffer));
    data = Buffer.concat(chunks);
    text = !data.includes(0) && /^[\sA-Za-z0-9+/=_-]*$/.test(data.subarray(0, 4096).toString('latin1'));
    what = 'stdin';
  } else if (existsSync(input)) {
    data = readFileSync(input);
    text = /^[\sA-Za-z0-9+/=_-]*$/.test(data.subarray(0, 4096).toString('latin1'));
    what = input;
  } else if (/^[A-Za-z0-9+/_-]+=*$/.test(input.trim())) {
    data = Buffer.from(input.trim(), 'utf8');
    text = true;
    what = 'the argument';
  } else {
    io.err.write(`tiksim decode: ${quoteInput(input)} is neither base64 nor an existing file; give base64 text, a file, or pipe to stdin\n`);
    return 2;
  }
  if (data.toString('latin1').trim() === '') {
    io.err.write(`tiksim decode: ${what} is empty: no frame to decode (give base64 text, a file of frames, or pipe them in)\n`);
    return 1;
  }
  let frames = 0;
  let decoded = 0;
  const noEvent: string[] = [];
  for (const bytes of inputFrames(data, text)) {
    frames++;
    const d = await decodePushFrame(bytes, { allKinds: io.allKinds });
    for (const e of d.events) io.out.write(JSON.stringify(e, bigintSafe) + '\n');
    for (const e of d.tlc) io.out.write(JSON.stringify(e, bigintSafe) + '\n');
    if (io.raw) for (const r of d.raw) io.err.write(JSON.stringify(r, bigintSafe) + '\n');
    for (const u of d.unknown) io.err.write(`frame ${frames}: unknown message type ${u} (the library has no schema for it; skipped)\n`);
    for (const e of d.errors) io.err.write(`frame ${frames}: ${e}\n`);
    noEvent.push(...d.noEvent);
    const held = d.events.length + d.unknown.length + d.raw.length;
    if (held === 0 && d.errors.length === 0) io.err.write(`frame ${frames}: holds no webcast message (${bytes.length} bytes; not a TikTok push frame?)\n`);
    if (held > 0) decoded++;
  }
  if (noEvent.length) {
    const what = io.allKinds ? 'written as TLC-style frames' : 'skipped; --all-kinds writes them as TLC-style frames';
    io.err.write(`decoded, no TikFinity event: ${countTypes(noEvent)} (${what})\n`);
  }
  if (decoded === 0) {
    io.err.write(`tiksim decode: no webcast message in ${what} (${frames} frame${frames === 1 ? '' : 's'} read); is it a TikTok webcast push frame, base64 or binary?\n`);
    return 1;
  }
  return 0;
}
