/** The event name of a TikFinity frame text, found cheaply (no full parse on the usual `{"event":"x",...` shape). */
const KIND = /^\{"event":"([^"\\]{1,64})"/;

/** Event name of a frame text ('?' when it is not a TikFinity frame). Never throws. */
export function frameKind(text: string): string {
  const m = KIND.exec(text);
  if (m) return m[1]!;
  try {
    const o = JSON.parse(text) as { event?: unknown };
    return typeof o?.event === 'string' ? o.event : '?';
  } catch {
    return '?';
  }
}

/**
 * frameKind of a frame held as its UTF-8 bytes in a latin1 string (simulator/replay/frame-bytes.ts): read from the
 * head when the name there is plain ASCII, else from the frame decoded.
 */
export function frameKindOfBinary(latin1: string): string {
  const m = KIND.exec(latin1);
  return m && !/[^\x00-\x7f]/.test(m[1]!) ? m[1]! : frameKind(Buffer.from(latin1, 'latin1').toString('utf8'));
}
