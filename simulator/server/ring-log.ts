import type { LogEntry } from '../../protocol/api.ts';

export type { LogEntry } from '../../protocol/api.ts';

/** A fixed-size ring of the last frames sent; memory stays flat however long the server runs. */
export class RingLog {
  private readonly buf: (LogEntry | undefined)[];
  private seq = 0;

  constructor(
    readonly size = 500,
    private readonly maxText = 16 * 1024,
  ) {
    this.buf = new Array(size);
  }

  /** Records one frame (text cut at `maxTextBytes` so huge frames cannot pile up); returns its sequence number. */
  push(at: number, event: string, text: string): number {
    const seq = ++this.seq;
    const kept = text.length > this.maxText ? `${text.slice(0, this.maxText)}… [${text.length - this.maxText} more characters]` : text;
    this.buf[seq % this.size] = { seq, at, event, text: kept };
    return seq;
  }

  /** The newest sequence number (0 before anything was sent). */
  get last(): number {
    return this.seq;
  }

  /** Entries with seq > after, oldest first, at most `limit` (the newest ones when more are available). */
  since(after: number, limit = 200): LogEntry[] {
    const from = Math.max(after + 1, this.seq - this.size + 1, this.seq - limit + 1, 1);
    const out: LogEntry[] = [];
    for (let s = from; s <= this.seq; s++) {
      const e = this.buf[s % this.size];
      if (e && e.seq === s) out.push(e);
    }
    return out;
  }
}
