/**
 * Appends a recording straight to the file descriptor: one write per entry, or (writeFrameSoon, the recorder's hot
 * path) one write for the frames that arrived in the same turn of the event loop, made before that turn ends. Nothing
 * waits in a process buffer past the turn it arrived in, so kill -9 loses at most the lines being written (the last
 * of which may be cut) and what was still unread in the socket. A failed write truncates back to the last whole line, so what was
 * written stays readable, and every later call throws the same clear RecordingError.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  EVENTS_FILE,
  MAX_OFFSET_MS,
  MEDIA_DIR,
  RecordingError,
  entryLine,
  frameLine,
  type GapEntry,
  type Header,
  type MediaEntry,
  type RawEntry,
  type BinaryEntry,
} from './format.ts';

/** Explains a filesystem error code in words a user can act on. */
export function explainFsError(code: string | undefined, path: string): string {
  switch (code) {
    case 'ENOSPC':
      return `the disk is full while writing ${path}; free some space or record to another disk with --out`;
    case 'EFBIG':
      return `file size limit reached while writing ${path} (ulimit -f or filesystem limit); raise it or record elsewhere with --out`;
    case 'EDQUOT':
      return `disk quota exceeded while writing ${path}; free some space or record elsewhere with --out`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write ${path}; choose a folder you can write with --out`;
    case 'EROFS':
      return `${path} is on a read-only filesystem; choose another folder with --out`;
    case 'ENOTDIR':
      return `part of ${path} is a file, not a folder; choose another folder with --out`;
    case 'ENOENT':
      return `cannot create ${path}: the filesystem there does not allow new folders (e.g. /proc); choose another folder with --out`;
    default:
      return `cannot write ${path} (${code ?? 'unknown error'})`;
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. Node's `mkdirSync(..., {recursive: true})` spins
 * forever on filesystems that answer ENOENT to mkdir (`/proc/x`); this fails at once with that error instead.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let p = resolve(dir);
  for (;;) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(p);
      const up = dirname(p);
      if (up === p) break;
      p = up;
      continue;
    }
    if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR' });
    break;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Wraps a filesystem error into RecordingError E_REC_WRITE. */
function writeError(e: unknown, path: string): RecordingError {
  const code = (e as NodeJS.ErrnoException).code;
  const err = new RecordingError('E_REC_WRITE', explainFsError(code, path));
  (err as { cause?: unknown }).cause = e;
  return err;
}

/** Writer of one recording folder. */
export class RecordingWriter {
  readonly eventsPath: string;
  readonly mediaDir: string;
  private fd: number | null;
  private size = 0;
  private failed: RecordingError | null = null;
  /** Number of frame lines written. */
  frames = 0;
  /** Entries that hold something recorded (frames, binary, raw, media; not gaps). */
  private content = 0;
  /** Frame lines of this turn not yet written (writeFrameSoon), joined by their newlines. */
  private pending = '';
  /** How `pending` becomes bytes: 'latin1' when it holds frames given as their UTF-8 bytes (see writeFrameSoon). */
  private pendingEncoding: 'utf8' | 'latin1' = 'utf8';
  private flushQueued = false;
  private pendingFrames = 0;
  /** Whole lines of the failed write that are on disk. */
  private keptLines = 0;
  /** Told when a write of writeFrameSoon's batch fails (it happens after the call returned); later calls throw too. */
  onError: (e: RecordingError) => void = () => {};

  private constructor(
    readonly dir: string,
    readonly header: Header,
    fd: number,
    private readonly madeDir: boolean,
  ) {
    this.fd = fd;
    this.eventsPath = join(dir, EVENTS_FILE);
    this.mediaDir = join(dir, MEDIA_DIR);
  }

  /** Creates `dir` (and media/) and writes the header; refuses a folder that already holds a recording. */
  static create(dir: string, header: Header): RecordingWriter {
    const eventsPath = join(dir, EVENTS_FILE);
    if (existsSync(eventsPath)) {
      throw new RecordingError('E_REC_EXISTS', `${eventsPath} already exists; choose a new folder with --out (recordings are never overwritten)`);
    }
    let fd: number;
    const madeDir = !existsSync(dir);
    try {
      makeDirs(join(dir, MEDIA_DIR));
      fd = openSync(eventsPath, 'wx');
    } catch (e) {
      throw writeError(e, eventsPath);
    }
    const w = new RecordingWriter(dir, header, fd, madeDir);
    w.append(JSON.stringify(header));
    return w;
  }

  /** Bytes written so far (whole lines only). */
  get bytes(): number {
    return this.size;
  }

  /** True once close() ran. */
  get closed(): boolean {
    return this.fd === null;
  }

  /** The error that stopped this writer, if any. */
  get error(): RecordingError | null {
    return this.failed;
  }

  /** Appends one frame: its offset in ms and its exact text. Throws RecordingError E_REC_WRITE on failure. */
  writeFrame(t: number, frame: string): void {
    this.checkOffset(t);
    this.append(frameLine(t, frame));
    this.frames++;
    this.content++;
  }

  /**
   * Appends one frame at the end of this turn of the event loop, with the other frames of the turn in one write: the
   * frames of one socket read arrive in one turn, and one write per frame was measured as the recorder's main cost.
   * Order with every other entry is kept (they write the batch first). A failed write goes to onError.
   * With 'latin1', `frame` is a text frame's UTF-8 bytes held as a latin1 string (one character a byte) and its line is
   * written as those bytes, so the frame is never decoded and encoded back: the same bytes as the 'utf8' way for valid
   * UTF-8 (what ws hands on for a text frame), since JSON.stringify escapes only ASCII characters of such a string.
   */
  writeFrameSoon(t: number, frame: string, encoding: 'utf8' | 'latin1' = 'utf8'): void {
    this.checkOffset(t);
    if (this.failed) throw this.failed;
    if (this.fd === null) throw new RecordingError('E_REC_WRITE', `${this.eventsPath} is already closed`);
    if (this.pending.length && this.pendingEncoding !== encoding) this.flush();
    this.pendingEncoding = encoding;
    this.pending += frameLine(t, frame) + '\n';
    this.pendingFrames++;
    this.content++;
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => {
        this.flushQueued = false;
        try {
          this.flush();
        } catch (e) {
          this.onError(e as RecordingError);
        }
      });
    }
  }

  /** Writes the frames writeFrameSoon holds now (the end of the turn does it anyway). */
  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending;
    const n = this.pendingFrames;
    this.pending = '';
    this.pendingFrames = 0;
    try {
      this.writeText(text, this.pendingEncoding);
      this.frames += n;
    } catch (e) {
      // The lines that did fit stay, and count; the rest of the batch is lost with the error.
      this.frames += this.keptLines;
      throw e;
    }
  }

  /** Appends a gap, media, raw or binary entry. */
  writeEntry(e: GapEntry | MediaEntry | RawEntry | BinaryEntry): void {
    this.checkOffset(e.t);
    if (e.type === 'gap') this.checkOffset(e.durationMs);
    this.append(entryLine(e));
    if (e.type !== 'gap') this.content++;
  }

  /** Readers reject offsets past MAX_OFFSET_MS, so the writer never writes one. */
  private checkOffset(t: number): void {
    if (!(t >= 0 && t <= MAX_OFFSET_MS)) {
      if (this.failed) throw this.failed;
      throw new RecordingError('E_REC_WRITE', `offset ${t} ms is out of range (0 to ${MAX_OFFSET_MS} ms, 30 days, per recording); start a new recording`);
    }
  }

  private append(line: string): void {
    if (this.failed) throw this.failed;
    if (this.fd === null) throw new RecordingError('E_REC_WRITE', `${this.eventsPath} is already closed`);
    this.flush();
    this.writeText(line + '\n');
  }

  /**
   * Writes whole lines at the end of the file. On failure it cuts the file back to the last whole line that made it
   * (keptLines of them), so what was written stays readable, and throws.
   */
  private writeText(text: string, encoding: 'utf8' | 'latin1' = 'utf8'): void {
    if (this.failed) throw this.failed;
    if (this.fd === null) throw new RecordingError('E_REC_WRITE', `${this.eventsPath} is already closed`);
    const buf = Buffer.from(text, encoding);
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off, this.size + off);
    } catch (e) {
      this.failed = writeError(e, this.eventsPath);
      const whole = off > 0 ? buf.lastIndexOf(10, off - 1) + 1 : 0;
      this.keptLines = 0;
      for (let i = buf.indexOf(10); i !== -1 && i < whole; i = buf.indexOf(10, i + 1)) this.keptLines++;
      try {
        ftruncateSync(this.fd, this.size + whole);
        this.size += whole;
      } catch {
        /* the reader accepts a truncated last line anyway */
      }
      throw this.failed;
    }
    this.size += buf.length;
  }

  /**
   * For a session that recorded nothing: closes and removes what create() made (events.jsonl, media/ with only its
   * index.json, and the folder itself when create() made it), so the same --out can be used again. Anything else
   * found there is left alone. Does nothing (returns false) once anything but gap markers was written.
   */
  discardIfEmpty(): boolean {
    if (this.content > 0) return false;
    this.close();
    const tryRm = (f: () => void): void => {
      try {
        f();
      } catch {
        /* not ours to force: left in place */
      }
    };
    tryRm(() => unlinkSync(this.eventsPath));
    const index = join(this.mediaDir, 'index.json');
    if (existsSync(this.mediaDir) && readdirSync(this.mediaDir).every((n) => n === 'index.json')) {
      if (existsSync(index)) tryRm(() => unlinkSync(index));
      tryRm(() => rmdirSync(this.mediaDir));
    }
    if (this.madeDir) tryRm(() => rmdirSync(this.dir));
    return !existsSync(this.eventsPath);
  }

  /** Flushes to disk and closes. Safe to call twice. */
  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } catch {
      /* failed is set; what was written before stays whole */
    }
    try {
      fsyncSync(this.fd);
    } catch {
      /* best effort: the data is in the page cache already */
    }
    closeSync(this.fd);
    this.fd = null;
  }
}
