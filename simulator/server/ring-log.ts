import type { LogEntry } from '../../protocol/api.ts';

export type { LogEntry } from '../../protocol/api.ts';

/** A fixed-size ring of the last frames sent; memory stays flat however long the server runs. */
export class RingLog {
  private readonly buf: ((LogEntry & { utf8?: Buffer }) | undefined)[];
  private seq = 0;

  constructor(
    readonly size = 500,
    private readonly maxText = 16 * 1024,
  ) {
    this.buf = new Array(size);
  }

  /**
   * Records one frame (text cut at `maxText` characters so huge frames cannot pile up); returns its sequence number.
   * A frame given as UTF-8 bytes is kept as they are and decoded only when read.
   */
  push(at: number, event: string, text: string | Buffer): number {
    const seq = ++this.seq;
    this.buf[seq % this.size] = typeof text === 'string' ? { seq, at, event, text: this.cut(text) } : { seq, at, event, text: '', utf8: text };
    return seq;
  }

  private cut(text: string): string {
    return text.length > this.maxText ? `${text.slice(0, this.maxText)}… [${text.length - this.maxText} more characters]` : text;
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
      if (e && e.seq === s) out.push(e.utf8 ? { seq: e.seq, at: e.at, event: e.event, text: this.cut(e.utf8.toString('utf8')) } : e);
    }
    return out;
  }
}
