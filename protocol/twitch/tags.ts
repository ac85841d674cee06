/**
 * IRCv3 message tags as Twitch sends them: `@key=value;key2=value2 `. Values are escaped (`\:` `;`, `\s` space, `\\`
 * backslash, `\r` CR, `\n` LF); Twitch always writes `key=` for an empty value. Keys keep wire order (Twitch sends them
 * sorted, but the order is part of the bytes a fake must repeat, so it is never re-sorted here).
 */

/** Tag values by key, unescaped, in wire order. Built with a null prototype so a `__proto__` key is just a key. */
export type IrcTags = Record<string, string>;

/** A fresh, empty tag table (null prototype: any key a peer sends is stored as data). */
export function emptyTags(): IrcTags {
  return Object.create(null) as IrcTags;
}

const ESCAPES: Record<string, string> = { ':': ';', s: ' ', '\\': '\\', r: '\r', n: '\n' };

/**
 * Undoes tag escaping exactly as IRCv3 says (and tmi.js, twurple, chatterino do): a backslash before any other
 * character drops the backslash, a lone trailing backslash is dropped.
 * @example unescapeTagValue('Hi\\sthere\\:') // 'Hi there;'
 */
export function unescapeTagValue(value: string): string {
  if (!value.includes('\\')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = value[++i];
    if (next === undefined) break;
    out += ESCAPES[next] ?? next;
  }
  return out;
}

/**
 * Escapes a tag value for the wire: `;` → `\:`, space → `\s`, `\` → `\\`, CR → `\r`, LF → `\n`.
 * @example escapeTagValue('Kappa; hi') // 'Kappa\\:\\shi'
 */
export function escapeTagValue(value: string): string {
  return value.replace(/[\\; \r\n]/g, (c) =>
    c === '\\' ? '\\\\' : c === ';' ? '\\:' : c === ' ' ? '\\s' : c === '\r' ? '\\r' : '\\n',
  );
}

// IRCv3: key = [ '+' ] [ vendor '/' ] key_name; vendor is a host name, key_name letters, digits and hyphens.
// Twitch's own keys are all lower-case with hyphens, but the camelCase msg-param-* (msg-param-displayName) show
// letters of both cases are allowed.
const TAG_KEY = /^\+?(?:[A-Za-z0-9.-]+\/)?[A-Za-z0-9_-]+$/;

/** Parses the tag part of a line (without the leading `@`). Never throws. @example parseTags('mod=0;color=') */
export function parseTags(text: string): { ok: true; tags: IrcTags } | { ok: false; error: string } {
  const tags = emptyTags();
  if (text === '') return { ok: false, error: 'empty tag list after "@"' };
  for (const part of text.split(';')) {
    if (part === '') continue; // `a=1;;b=2` and a trailing `;` are tolerated, as tmi.js and twurple do
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (!TAG_KEY.test(key)) return { ok: false, error: `invalid tag key ${JSON.stringify(key)}` };
    tags[key] = eq === -1 ? '' : unescapeTagValue(part.slice(eq + 1));
  }
  return { ok: true, tags };
}

/**
 * Writes tags as Twitch does, in the table's order, every value escaped and empty values as `key=` (no `@`).
 * Throws on a key IRCv3 does not allow: keys come from our code, never from a peer.
 * @example serializeTags({ mod: '0', 'display-name': 'A B' }) // 'mod=0;display-name=A\\sB'
 */
export function serializeTags(tags: IrcTags): string {
  const parts: string[] = [];
  for (const key in tags) {
    if (!TAG_KEY.test(key)) throw new Error(`invalid IRC tag key ${JSON.stringify(key)}`);
    parts.push(`${key}=${escapeTagValue(tags[key]!)}`);
  }
  return parts.join(';');
}
