/** `tiksim decode`: TikTok webcast push frames (base64 or binary, gzip or not) → TikFinity-shaped events as JSON lines. */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { deserializeWebSocketMessage, deserializeMessage } from 'tiktok-live-connector';
import { mapWebcastMessage } from './tiktok-map.ts';

/** What one push frame held. */
export interface DecodedFrame {
  events: Array<{ event: string; data: unknown }>;
  /** Message types with no TikFinity counterpart, or that the library has no schema for. */
  unknown: string[];
  errors: string[];
  raw: Array<{ type: string; data: unknown }>;
}

/** Decodes one push frame's bytes (a whole gzip file of one is accepted too). Never throws: errors are listed. */
export async function decodePushFrame(bytes: Uint8Array): Promise<DecodedFrame> {
  const out: DecodedFrame = { events: [], unknown: [], errors: [], raw: [] };
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
    out.errors.push(`not a webcast push frame: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!result) {
    // Maybe a bare ProtoMessageFetchResult (the push frame's payload).
    try {
      result = deserializeMessage('ProtoMessageFetchResult', buf) as { messages?: unknown[] };
      out.errors.length = 0;
    } catch {
      if (!out.errors.length) out.errors.push('frame holds no message payload');
      return out;
    }
  }
  for (const m of result?.messages ?? []) {
    const msg = m as { method?: string; decodedData?: { type: string; data: unknown }; decodeError?: Error };
    if (msg.decodeError) {
      out.errors.push(`${msg.method}: ${msg.decodeError.message.split('\n')[0]}`);
      continue;
    }
    if (!msg.decodedData) {
      out.unknown.push(msg.method ?? '?');
      continue;
    }
    out.raw.push(msg.decodedData);
    const mapped = mapWebcastMessage(msg.decodedData.type, msg.decodedData.data);
    if (mapped) out.events.push(mapped);
    else out.unknown.push(msg.decodedData.type);
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

const bigintSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);

/** Runs the command: prints one JSON line per event; reports unknown types and errors on `err`. Returns the exit code. */
export async function runDecode(input: string | undefined, io: { raw: boolean; out: NodeJS.WritableStream; err: NodeJS.WritableStream; stdin?: NodeJS.ReadableStream }): Promise<number> {
  let data: Buffer;
  let text: boolean;
  if (input === undefined || input === '-') {
    const chunks: Buffer[] = [];
    for await (const c of io.stdin ?? process.stdin) chunks.push(Buffer.from(c as Buffer));
    data = Buffer.concat(chunks);
    text = !data.includes(0) && /^[\sA-Za-z0-9+/=_-]*$/.test(data.subarray(0, 4096).toString('latin1'));
  } else if (existsSync(input)) {
    data = readFileSync(input);
    text = /^[\sA-Za-z0-9+/=_-]*$/.test(data.subarray(0, 4096).toString('latin1'));
  } else if (/^[A-Za-z0-9+/_-]+=*$/.test(input.trim())) {
    data = Buffer.from(input.trim(), 'utf8');
    text = true;
  } else {
    io.err.write(`tiksim decode: "${input.slice(0, 40)}" is neither base64 nor an existing file; give base64 text, a file, or pipe to stdin\n`);
    return 2;
  }
  let failed = 0;
  let frames = 0;
  for (const bytes of inputFrames(data, text)) {
    frames++;
    const d = await decodePushFrame(bytes);
    for (const e of d.events) io.out.write(JSON.stringify(e, bigintSafe) + '\n');
    if (io.raw) for (const r of d.raw) io.err.write(JSON.stringify(r, bigintSafe) + '\n');
    for (const u of d.unknown) io.err.write(`frame ${frames}: unknown message type ${u} (skipped)\n`);
    for (const e of d.errors) io.err.write(`frame ${frames}: ${e}\n`);
    if (d.errors.length && !d.events.length) failed++;
  }
  return failed === frames && frames > 0 ? 1 : 0;
}
