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
