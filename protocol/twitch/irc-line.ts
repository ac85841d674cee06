/**
 * One IRC line as Twitch speaks it (RFC 1459 framing + IRCv3 tags):
 * `[@tags ][:prefix ]COMMAND[ param ...][ :trailing]`. Parse at the edge, one line at a time, never throw.
 *
 * A real line (dev.twitch.tv/docs/irc/tags):
 * `@badge-info=;badges=broadcaster/1;client-nonce=997dcf443c31e258c1d32a8da47b6936;color=#0000FF;display-name=abc;emotes=;first-msg=0;flags=0-6:S.7;id=eb24e920-8065-492a-8aea-266a00fc5126;mod=0;room-id=713936733;subscriber=0;tmi-sent-ts=1642786203573;turbo=0;user-id=713936733;user-type= :abc!abc@abc.tmi.twitch.tv PRIVMSG #xyz :HeyGuys`
 */
import { emptyTags, parseTags, serializeTags, type IrcTags } from './tags.ts';

/** Where a line comes from: `tmi.twitch.tv` (a server: only `nick` set) or `nick!user@host`. */
export interface IrcPrefix {
  nick: string;
  user?: string;
  host?: string;
}

/** One parsed IRC line. */
export interface IrcMessage {
  /** Unescaped tag values in wire order; empty when the line has no `@` part. */
  tags: IrcTags;
  prefix: IrcPrefix | null;
  /** Upper-cased (IRC commands are case-insensitive): `PRIVMSG`, `CAP`, or a three-digit numeric `001`. */
  command: string;
  /** Middle params then the trailing one, without its `:`. */
  params: string[];
  /**
   * The last param was (or is to be) written after ` :`. Kept so a line serialises back to the same bytes: Twitch
   * writes `PING :tmi.twitch.tv` and `PRIVMSG #c :Kappa` with the colon though neither needs it, `JOIN #c` without.
   */
  trailing: boolean;
}

/** Result of parsing one line: never an exception. */
export type IrcParseResult = { ok: true; msg: IrcMessage } | { ok: false; error: string };

/** RFC 1459's limit on a line without its tags, CRLF included. Twitch applies it to the IRC part only. */
export const IRC_MAX_LINE_BYTES = 512;
/** IRCv3's limit on the tag part, its `@` and the space after it included. */
export const IRC_MAX_TAGS_BYTES = 8191;
/** Twitch's limit on one chat message's text, in characters. */
export const TWITCH_MAX_MESSAGE_CHARS = 500;

/** Options for parseIrcLine. */
export interface IrcParseOptions {
  /** Refuse a line whose IRC part exceeds 512 bytes or whose tags exceed 8191 (default false: accept any length). */
  enforceLimits?: boolean;
}

const COMMAND = /^(?:[A-Za-z]+|\d{3})$/;
const encoder = new TextEncoder();

/** UTF-8 length of a string (what the IRC limits count). */
export function utf8Length(text: string): number {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? text.length : encoder.encode(text).length;
}

/** Parses `nick!user@host` or a server name. */
export function parsePrefix(text: string): IrcPrefix {
  const at = text.indexOf('@');
  const head = at === -1 ? text : text.slice(0, at);
  const bang = head.indexOf('!');
  const prefix: IrcPrefix = { nick: bang === -1 ? head : head.slice(0, bang) };
  if (bang !== -1) prefix.user = head.slice(bang + 1);
  if (at !== -1) prefix.host = text.slice(at + 1);
  return prefix;
}

/** Writes a prefix back: `nick`, `nick!user@host`. */
export function serializePrefix(p: IrcPrefix): string {
  return p.nick + (p.user !== undefined ? `!${p.user}` : '') + (p.host !== undefined ? `@${p.host}` : '');
}

/**
 * Parses one IRC line (a trailing CR, LF or CRLF is allowed and dropped). Never throws: a bad line gives
 * `{ok:false, error}` saying what was wrong.
 * @example parseIrcLine(':tmi.twitch.tv PING :tmi.twitch.tv') // {ok:true, msg:{command:'PING', params:['tmi.twitch.tv'], ...}}
 */
export function parseIrcLine(line: unknown, opts: IrcParseOptions = {}): IrcParseResult {
  if (typeof line !== 'string') return { ok: false, error: 'IRC line is not text' };
  let text = line;
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (/[\r\n\0]/.test(text)) return { ok: false, error: 'IRC line contains CR, LF or NUL inside it (one line at a time)' };
  let pos = 0;
  const skipSpaces = (): void => {
    while (text[pos] === ' ') pos++;
  };
  skipSpaces();
  if (pos === text.length) return { ok: false, error: 'empty IRC line' };

  let tags = emptyTags();
  let tagBytes = 0;
  if (text[pos] === '@') {
    const end = text.indexOf(' ', pos);
    if (end === -1) return { ok: false, error: 'IRC line has tags but no command' };
    const parsed = parseTags(text.slice(pos + 1, end));
    if (!parsed.ok) return parsed;
    tags = parsed.tags;
    tagBytes = utf8Length(text.slice(pos, end + 1));
    pos = end + 1;
    skipSpaces();
  }
  const ircStart = pos;

  let prefix: IrcPrefix | null = null;
  if (text[pos] === ':') {
    const end = text.indexOf(' ', pos);
    if (end === -1) return { ok: false, error: 'IRC line has a prefix but no command' };
    if (end === pos + 1) return { ok: false, error: 'IRC line has an empty prefix' };
    prefix = parsePrefix(text.slice(pos + 1, end));
    pos = end + 1;
    skipSpaces();
  }

  const cmdEnd = text.indexOf(' ', pos);
  const command = text.slice(pos, cmdEnd === -1 ? text.length : cmdEnd);
  if (command === '') return { ok: false, error: 'IRC line has no command' };
  if (!COMMAND.test(command)) {
    return { ok: false, error: `invalid IRC command ${JSON.stringify(command.slice(0, 40))} (letters or three digits)` };
  }
  pos = cmdEnd === -1 ? text.length : cmdEnd;

  const params: string[] = [];
  let trailing = false;
  while (pos < text.length) {
    skipSpaces();
    if (pos >= text.length) break;
    if (text[pos] === ':') {
      params.push(text.slice(pos + 1));
      trailing = true;
      break;
    }
    const end = text.indexOf(' ', pos);
    params.push(text.slice(pos, end === -1 ? text.length : end));
    pos = end === -1 ? text.length : end;
  }

  if (opts.enforceLimits) {
    if (tagBytes > IRC_MAX_TAGS_BYTES) {
      return { ok: false, error: `IRC line's tags are ${tagBytes} bytes; IRCv3 allows ${IRC_MAX_TAGS_BYTES}` };
    }
    const ircBytes = utf8Length(text.slice(ircStart)) + 2; // + CRLF, which the limit counts
    if (ircBytes > IRC_MAX_LINE_BYTES) {
      return { ok: false, error: `IRC line is ${ircBytes} bytes without its tags; IRC allows ${IRC_MAX_LINE_BYTES}` };
    }
  }
  return { ok: true, msg: { tags, prefix, command: command.toUpperCase(), params, trailing } };
}

/** What serializeIrcLine takes: an IrcMessage whose tags, prefix, params and trailing may be left out. */
export interface IrcLineInput {
  tags?: IrcTags;
  prefix?: IrcPrefix | string | null;
  command: string;
  params?: string[];
  /** Write the last param after ` :` even when it does not need it (Twitch does for PRIVMSG text, PING, 353...). */
  trailing?: boolean;
}

/**
 * Writes one line, without CRLF. The last param gets ` :` when asked or when it must (empty, has a space, starts with
 * `:`). Throws on what cannot be written safely (a CR/LF/NUL anywhere, which would smuggle in a second line; a middle
 * param with a space): callers build lines from checked data, so this is a bug, never a peer's doing.
 * @example serializeIrcLine({ prefix: 'tmi.twitch.tv', command: 'PING', params: ['tmi.twitch.tv'], trailing: true }) // ':tmi.twitch.tv PING :tmi.twitch.tv'
 */
export function serializeIrcLine(m: IrcLineInput): string {
  if (!COMMAND.test(m.command)) throw new Error(`invalid IRC command ${JSON.stringify(m.command)}`);
  let out = '';
  if (m.tags) {
    const t = serializeTags(m.tags);
    if (t !== '') out += `@${t} `;
  }
  if (m.prefix) {
    const p = typeof m.prefix === 'string' ? m.prefix : serializePrefix(m.prefix);
    if (p === '' || /[\s\0]/.test(p)) throw new Error(`invalid IRC prefix ${JSON.stringify(p)}`);
    out += `:${p} `;
  }
  out += m.command;
  const params = m.params ?? [];
  params.forEach((p, i) => {
    if (/[\r\n\0]/.test(p)) throw new Error(`IRC param ${i} contains CR, LF or NUL`);
    const last = i === params.length - 1;
    if (last && (m.trailing || p === '' || p.includes(' ') || p.startsWith(':'))) {
      out += ` :${p}`;
      return;
    }
    if (p === '' || p.includes(' ') || p.startsWith(':')) {
      throw new Error(`IRC param ${i} (${JSON.stringify(p)}) is empty, has a space or starts with ":" but is not last`);
    }
    out += ` ${p}`;
  });
  return out;
}
