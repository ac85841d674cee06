/**
 * Looped replay without repeated ids. TikTok never sends the same `msgId` or gift `groupId` twice, and consumers that
 * know it (the overlay included) drop a repeat as a duplicate: a second pass of a recording, byte-identical, would
 * show no gifts. Pass k (k ≥ 1) therefore moves every id and time forward as if the recording had been made k spans
 * later; pass 0 stays byte-identical, and `loopExact` keeps every pass so.
 */

/** ms-epoch fields (strings of digits): moved by k × the time step. */
const TIME_FIELDS = /"(createTime|groupId)"(\s*:\s*)"(\d{11,})"/g;
/** Message ids: moved by k × the id step. */
const ID_FIELDS = /"(msgId)"(\s*:\s*)"(\d{10,})"/g;
/** Ids per ms of time step: past what a ms can hold in ours (ms × 10^6 + seq) and TikTok's snowflakes (ms << 22). */
const ID_PER_MS = 8_388_608n;

/**
 * Frame text of loop pass `pass`: ids and ms times moved by `pass` steps, nothing else touched.
 * @example shiftForPass('{"data":{"msgId":"7000","createTime":"1735761600469"}}', 1, { timeMs: 60_001n, id: 60_001n * 8_388_608n })
 */
export function shiftForPass(text: string, pass: number, step: { timeMs: bigint; id: bigint }): string {
  if (pass <= 0) return text;
  const k = BigInt(pass);
  return text
    .replace(TIME_FIELDS, (_m, key: string, sep: string, v: string) => `"${key}"${sep}"${(BigInt(v) + k * step.timeMs).toString()}"`)
    .replace(ID_FIELDS, (_m, key: string, sep: string, v: string) => `"${key}"${sep}"${(BigInt(v) + k * step.id).toString()}"`);
}

/**
 * Learns the range of ids and times of the first pass, so later passes move past it: a step of at least the
 * recording's span and more than the range of values seen, so no value of pass k can equal one of another pass.
 */
export class LoopShifter {
  private tMin = -1n;
  private tMax = -1n;
  private iMin = -1n;
  private iMax = -1n;

  constructor(private readonly spanMs: number) {}

  /** Notes a first-pass frame's values. */
  observe(text: string): void {
    for (const m of text.matchAll(TIME_FIELDS)) {
      const v = BigInt(m[3]!);
      if (this.tMin < 0n || v < this.tMin) this.tMin = v;
      if (v > this.tMax) this.tMax = v;
    }
    for (const m of text.matchAll(ID_FIELDS)) {
      const v = BigInt(m[3]!);
      if (this.iMin < 0n || v < this.iMin) this.iMin = v;
      if (v > this.iMax) this.iMax = v;
    }
  }

  /** The steps one pass moves ids and times by. */
  step(): { timeMs: bigint; id: bigint } {
    const span = BigInt(Math.ceil(Math.max(0, this.spanMs))) + 1n;
    const timeMs = span > this.tMax - this.tMin ? span : this.tMax - this.tMin + 1n;
    const byTime = timeMs * ID_PER_MS;
    const id = byTime > this.iMax - this.iMin ? byTime : this.iMax - this.iMin + 1n;
    return { timeMs, id };
  }

  /** A later pass's frame. */
  shift(text: string, pass: number): string {
    return shiftForPass(text, pass, this.step());
  }
}
