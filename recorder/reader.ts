/**
 * The one streaming reader of the recording format: replay, inspect and anonymize all use it. It reads in chunks and
 * never holds the whole file; bad lines come back with their line number, and a truncated last line (a recorder
 * killed mid-write) is reported as such, never thrown.
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENTS_FILE, RecordingError, parseEntryFast, parseHeader, type Entry, type Header } from './format.ts';

/** A header line longer than this is not a header (a wrong file picked by mistake). */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** An opened recording: where it is and its validated header. */
export interface RecordingInfo {
  /** The recording folder (holds events.jsonl and media/). */
  dir: string;
  eventsPath: string;
  header: Header;
  /** Byte offset of line 2 (the first entry). */
  bodyOffset: number;
  /** Size of the events file when opened. */
  size: number;
}

/** One line of the body: an entry, or a bad line with what was wrong. */
export type ReadItem =
  | { line: number; offset: number; entry: Entry }
  | { line: number; offset: number; bad: string; truncated: boolean };

/** Where to start reading: a byte offset of a line start and that line's number. */
export interface ReadStart {
  offset: number;
  line: number;
}

const CHUNK = 1 << 20;

/** Resolves a folder or events file path, reads and validates the header. Throws RecordingError with a clear message. */
export async function openRecording(path: string): Promise<RecordingInfo> {
  let eventsPath = path;
  let dir: string;
  try {
    const s = await stat(path);
    if (s.isDirectory()) {
      dir = path;
      eventsPath = join(path, EVENTS_FILE);
    } else {
      dir = join(path, '..');
    }
  } catch {
    throw new RecordingError('E_REC_NOT_FOUND', `recording not found: ${path} (give a recording folder or its ${EVENTS_FILE})`);
  }
  let fh;
  try {
    fh = await open(eventsPath, 'r');
  } catch {
    throw new RecordingError('E_REC_NOT_FOUND', `recording not found: ${eventsPath} is missing; a recording folder holds ${EVENTS_FILE}`);
  }
  try {
    const size = (await fh.stat()).size;
    // The header is one line of any length (a long --name is legal): read until its newline, within a sane cap.
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    let nl = -1;
    while (nl === -1 && bytesRead < size) {
      if (bytesRead >= MAX_HEADER_BYTES) {
        throw new RecordingError('E_REC_BAD_HEADER', `${eventsPath}:1: the header line is over ${MAX_HEADER_BYTES} bytes; not a tiksim recording`);
      }
      const chunk = Buffer.alloc(Math.min(size - bytesRead, 64 * 1024));
      const r = await fh.read(chunk, 0, chunk.length, bytesRead);
      if (r.bytesRead === 0) break;
      const i = chunk.subarray(0, r.bytesRead).indexOf(10);
      if (i !== -1) nl = bytesRead + i;
      chunks.push(chunk.subarray(0, r.bytesRead));
      bytesRead += r.bytesRead;
    }
    const buf = Buffer.concat(chunks);
    if (bytesRead === 0) throw new RecordingError('E_REC_BAD_HEADER', `${eventsPath}:1: the file is empty; not a tiksim recording`);
    const headerText = buf.subarray(0, nl === -1 ? bytesRead : nl).toString('utf8');
    const header = parseHeader(headerText, eventsPath);
    return { dir, eventsPath, header, bodyOffset: nl === -1 ? bytesRead : nl + 1, size };
  } finally {
    await fh.close();
  }
}

/** One line of the body as read, not yet parsed: parse it with parseLine() when it is needed. */
export interface RawLine {
  line: number;
  offset: number;
  /** The line decoded (empty with the `raw` option: see `bytes`). */
  text: string;
  /** With the `raw` option: the line's bytes, not decoded; valid until the next batch is asked for. */
  bytes?: Buffer;
  /** True for a last line with no newline after it (a recorder killed mid-write). */
  last: boolean;
}

/** Options of readLines. */
export interface ReadLinesOptions {
  /** Bytes per read (default 1 MiB). Replay uses small chunks, so no single read or split holds the loop up. */
  chunkBytes?: number;
  /** Hand each line on as bytes (`bytes`), not decoded: replay turns most frame lines into wire bytes without a string. */
  raw?: boolean;
}

/**
 * Streams the body's lines in batches (one per chunk read), in file order, without parsing them. The next chunk is
 * already being read while the consumer works through the current one, so a consumer that keeps pace never waits
 * on the disk.
 */
export async function* readLines(info: RecordingInfo, start?: ReadStart, opts: ReadLinesOptions = {}): AsyncGenerator<RawLine[]> {
  const size = opts.chunkBytes ?? CHUNK;
  const raw = opts.raw === true;
  const fh = await open(info.eventsPath, 'r');
  // Two buffers: one is split into lines while the other is being filled.
  let buf = Buffer.alloc(size);
  let spare = Buffer.alloc(size);
  let pos = start?.offset ?? info.bodyOffset;
  let inflight: Promise<{ bytesRead: number }> | null = null;
  try {
    let line = start?.line ?? 2;
    let carry: Buffer | null = null;
    let carryOffset = pos;
    inflight = fh.read(buf, 0, size, pos);
    for (;;) {
      const { bytesRead } = await inflight;
      inflight = null;
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      const chunkPos = pos;
      pos += bytesRead;
      [buf, spare] = [spare, buf];
      inflight = fh.read(buf, 0, size, pos);
      const lines: RawLine[] = [];
      let from = 0;
      let lineOffset = carry ? carryOffset : chunkPos;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        if (nl === -1) break;
        if (raw) {
          const bytes = carry ? Buffer.concat([carry, chunk.subarray(from, nl)]) : chunk.subarray(from, nl);
          carry = null;
          lines.push({ line, offset: lineOffset, text: '', bytes, last: false });
        } else {
          let text: string;
          if (carry) {
            text = Buffer.concat([carry, chunk.subarray(from, nl)]).toString('utf8');
            carry = null;
          } else {
            text = chunk.toString('utf8', from, nl);
          }
          lines.push({ line, offset: lineOffset, text, last: false });
        }
        line++;
        from = nl + 1;
        lineOffset = chunkPos + from;
      }
      if (from < bytesRead) {
        // Copied: the chunk's buffer is reused for a later read.
        const rest = Buffer.from(chunk.subarray(from));
        if (!carry) carryOffset = chunkPos + from;
        carry = carry ? Buffer.concat([carry, rest]) : rest;
      }
      if (lines.length) yield lines;
    }
    if (carry && carry.length) yield [raw ? { line, offset: carryOffset, text: '', bytes: carry, last: true } : { line, offset: carryOffset, text: carry.toString('utf8'), last: true }];
  } finally {
    // A read still in flight must finish before its file handle closes.
    if (inflight) await inflight.catch(() => undefined);
    await fh.close();
  }
}

/** Parses one raw line into an entry or a bad line (null: an empty last line, which is nothing). Never throws. */
export function parseLine(raw: RawLine): ReadItem | null {
  const items: ReadItem[] = [];
  pushLine(items, raw.text, raw.line, raw.offset, raw.last);
  return items[0] ?? null;
}

/**
 * Streams the body in batches (one per chunk read), in file order.
 * @example for await (const batch of readBatches(info)) for (const it of batch) if ('entry' in it) use(it.entry)
 */
export async function* readBatches(info: RecordingInfo, start?: ReadStart): AsyncGenerator<ReadItem[]> {
  for await (const lines of readLines(info, start)) {
    const items: ReadItem[] = [];
    for (const l of lines) pushLine(items, l.text, l.line, l.offset, l.last);
    if (items.length) yield items;
  }
}

function pushLine(items: ReadItem[], text: string, line: number, offset: number, last: boolean): void {
  if (text.length === 0 || (text.length === 1 && text === '\r')) {
    if (!last) items.push({ line, offset, bad: 'empty line', truncated: false });
    return;
  }
  const res = parseEntryFast(text);
  if (res.ok) items.push({ line, offset, entry: res.entry });
  else if (last) items.push({ line, offset, bad: `truncated last line (the recorder stopped mid-write); ignored: ${res.error}`, truncated: true });
  else items.push({ line, offset, bad: res.error, truncated: false });
}

/** Streams the body one item at a time (convenience over readBatches). */
export async function* readEntries(info: RecordingInfo, start?: ReadStart): AsyncGenerator<ReadItem> {
  for await (const batch of readBatches(info, start)) yield* batch;
}
