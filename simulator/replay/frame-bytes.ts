/**
 * A recorded frame line turned into the bytes to send without decoding it as UTF-8. The writer's lines are
 * `{"t":N,"frame":"<the frame as a JSON string>"}`. Read as latin1 (one character a byte: a copy, no decoding), the
 * line parses to the frame's UTF-8 bytes held as a latin1 string, because every JSON escape but \u stands for an ASCII
 * character; the image rewrite (rewrite.ts `binary`) and the kind (frame-kind.ts) work on that, and it goes back to
 * bytes the same way. So a replayed frame is never decoded from UTF-8 and encoded back for the socket, which with the
 * parse was most of what it cost (issue 19; bench/results.md).
 *
 * Taken only where that is exact: valid UTF-8 (the string way turns invalid bytes into U+FFFD), no \u escape, the
 * writer's shape (recorder/format.ts parseEntryFast's rules). Anything else returns null and goes the string way,
 * so what is sent is exactly what that way sends (frame-bytes.test.ts checks it on generated frames and on each case
 * refused).
 */
import { isUtf8 } from 'node:buffer';
import { MAX_OFFSET_MS } from '../../recorder/format.ts';

/**
 * The offset and frame of a `{"t":N,"frame":"..."}` line, the frame as its UTF-8 bytes in a latin1 string, or null
 * where the string way must read it.
 * @example frameLineBinary(Buffer.from('{"t":5,"frame":"{\\"event\\":\\"chat\\"}"}')) // { t: 5, frame: '{"event":"chat"}' }
 */
export function frameLineBinary(line: Buffer): { t: number; frame: string } | null {
  const n = line.length;
  if (n < 17 || line[n - 1] !== 0x7d || line[n - 2] !== 0x22 || !isUtf8(line)) return null;
  const l = line.toString('latin1');
  // A \u escape stands for a character, not a byte: the string way reads those.
  if (!l.startsWith('{"t":') || l.includes('\\u')) return null;
  let o: { t?: unknown; frame?: unknown };
  try {
    o = JSON.parse(l) as typeof o;
  } catch {
    return null;
  }
  const t = o.t;
  if (typeof t !== 'number' || !(t >= 0 && t <= MAX_OFFSET_MS) || typeof o.frame !== 'string' || Object.keys(o).length !== 2) return null;
  return { t, frame: o.frame };
}
