/**
 * Turns a stream of text (TCP chunks, or WebSocket frames holding several CRLF-separated lines) into lines, with a cap
 * so a peer that never sends a newline cannot grow our buffer without bound. Lines end in CRLF on Twitch; a bare LF is
 * accepted as well (twurple splits on /\r?\n/, and hand-typed `nc` sessions send LF).
 */

/** One item out of the splitter: a complete line (without CR/LF), or a line refused as too long. */
export type SplitItem = { ok: true; line: string } | { ok: false; error: string; length: number };

/** Room for the largest legal line: 8191 bytes of tags plus 512 of IRC. Characters, not bytes: a memory guard. */
export const DEFAULT_MAX_LINE_CHARS = 8191 + 512;

/** Splits chunks into lines; keeps the partial tail for the next chunk. */
export class IrcLineSplitter {
  private tail = '';
  /** Set while we are discarding the rest of an overlong line up to its newline. */
  private skipping = 0;

  constructor(private readonly maxChars: number = DEFAULT_MAX_LINE_CHARS) {}

  /**
   * Feeds one chunk, returns the lines it completed (empty lines dropped). An overlong line is reported once, as
   * `{ok:false}`, and the rest of it is skipped.
   * @example new IrcLineSplitter().push('PING :a\r\nPIN') // [{ok:true, line:'PING :a'}]; the next push('G :b\r\n') completes the second
   */
  push(chunk: string): SplitItem[] {
    const out: SplitItem[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) break;
      const piece = chunk.slice(start, nl);
      start = nl + 1;
      if (this.skipping > 0) {
        out.push(this.overlong(this.skipping + piece.length));
        this.skipping = 0;
        continue;
      }
      let line = this.tail + piece;
      this.tail = '';
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line.length > this.maxChars) out.push(this.overlong(line.length));
      else if (line !== '') out.push({ ok: true, line });
    }
    const rest = chunk.slice(start);
    if (this.skipping > 0) this.skipping += rest.length;
    else if (this.tail.length + rest.length > this.maxChars) {
      this.skipping = this.tail.length + rest.length;
      this.tail = '';
    } else this.tail += rest;
    return out;
  }

  /** Characters held for a line not yet complete. */
  pending(): number {
    return this.tail.length + this.skipping;
  }

  private overlong(length: number): SplitItem {
    return { ok: false, error: `line of ${length} characters is longer than the ${this.maxChars} allowed`, length };
  }
}
