import { subPlanCents, AMOUNT_USD_CENTS, type Message, type MessageBadge, type MessageEmote, type MessageKind, type MessageUser } from '../protocol/message.ts';
import { parseBadges } from '../protocol/twitch/badges.ts';
import { parseEmotes } from '../protocol/twitch/emotes.ts';
import type { IrcMessage } from '../protocol/twitch/irc-line.ts';
import type { Received } from './receiver.ts';

/**
 * Twitch IRC lines (parsed, with `twitch.tv/tags`) → the normalised Message. The tag names and formats are Twitch's
 * (shared/reference/TWITCH-IRC.md): `badges=subscriber/12,bits/1000`, `emotes=25:0-4,12-16/1902:6-10` (code-point
 * offsets, inclusive), `bits=100` on a cheer, `msg-id` on a USERNOTICE. Reads loosely, never throws.
 */

/** USERNOTICE msg-id → kind. Twitch sends more (bitsbadgetier, primepaidupgrade...): those become 'other'. */
const NOTICE_KIND: Record<string, MessageKind> = {
  sub: 'sub',
  resub: 'resub',
  subgift: 'subgift',
  submysterygift: 'subgift',
  anonsubgift: 'subgift',
  anonsubmysterygift: 'subgift',
  raid: 'raid',
  announcement: 'announcement',
};

const COMMAND_KIND: Record<string, MessageKind> = {
  JOIN: 'join',
  CLEARCHAT: 'clear',
  CLEARMSG: 'delete',
  NOTICE: 'notice',
};

/** Twitch's CDN address of an emote image (the one chat clients use), dark theme, 1x. */
export function emoteUrl(id: string): string {
  return `https://static-cdn.jtvnw.net/emoticons/v2/${id}/default/dark/1.0`;
}

/** The `emotes` tag → Message emotes (bad spans are skipped: the text still shows). */
export function messageEmotes(tag: string | undefined): MessageEmote[] {
  return parseEmotes(tag ?? '').ranges.map((r) => ({ id: r.id, start: r.start, length: r.end - r.start + 1, url: emoteUrl(r.id) }));
}

/** The sender from a line's tags and prefix (login from `login` on USERNOTICE, else the prefix's nick). */
export function twitchUser(msg: IrcMessage): MessageUser | undefined {
  const t = msg.tags;
  const login = t['login'] || (msg.prefix?.user !== undefined ? msg.prefix.nick : '');
  if (!login && !t['user-id']) return undefined;
  const badges: MessageBadge[] = parseBadges(t['badges'] ?? '');
  const has = (name: string): boolean => badges.some((b) => b.name === name);
  return {
    platform: 'twitch',
    id: t['user-id'] ?? '',
    name: login,
    displayName: t['display-name'] || login,
    ...(t['color'] ? { color: t['color'] } : {}),
    badges,
    mod: t['mod'] === '1' || has('moderator') || has('broadcaster'),
    subscriber: t['subscriber'] === '1' || has('subscriber') || has('founder'),
  };
}

/** Strips CTCP ACTION (`/me waves` arrives as `\x01ACTION waves\x01`). */
function chatText(text: string): string {
  const m = /^\x01ACTION (.*)\x01$/.exec(text);
  return m ? m[1]! : text;
}

function int(v: string | undefined, d = 0): number {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? n : d;
}

/** One Twitch event (data: the parsed IRC line) → a Message. */
export function normaliseTwitch(e: Received, seq: number): Message | null {
  const msg = e.data as IrcMessage;
  if (!msg || typeof msg !== 'object' || typeof msg.command !== 'string' || !msg.tags) return null;
  const t = msg.tags;
  const channel = msg.params[0]?.startsWith('#') ? msg.params[0] : undefined;
  const text = msg.params.length > 1 ? msg.params[msg.params.length - 1] : undefined;
  let kind: MessageKind = COMMAND_KIND[msg.command] ?? 'other';
  if (msg.command === 'PRIVMSG') kind = t['bits'] ? 'cheer' : 'chat';
  if (msg.command === 'USERNOTICE') kind = NOTICE_KIND[t['msg-id'] ?? ''] ?? 'other';
  const user = msg.command === 'CLEARCHAT' || msg.command === 'NOTICE' ? undefined : twitchUser(msg);
  const m: Message = {
    id: t['id'] ? `twitch:${t['id']}` : `twitch:${e.receiver}:${seq}`,
    platform: 'twitch',
    receiver: e.receiver,
    kind,
    at: e.at,
    ...(channel ? { channel } : {}),
    ...(user ? { user } : {}),
    emotes: [],
    original: { kind: e.kind, data: e.data, ...(e.raw !== undefined ? { raw: e.raw } : {}) },
  };
  if (text !== undefined) m.text = msg.command === 'PRIVMSG' ? chatText(text) : text;
  if (msg.command === 'PRIVMSG' || msg.command === 'USERNOTICE') m.emotes = messageEmotes(t['emotes']);
  if (t['system-msg']) m.system = t['system-msg'];
  const plan = t['msg-param-sub-plan'];
  switch (kind) {
    case 'cheer': {
      const bits = int(t['bits']);
      m.amount = { value: bits, unit: 'bit', usdCents: bits * AMOUNT_USD_CENTS.bit };
      break;
    }
    case 'sub':
    case 'resub':
      m.amount = { value: 1, unit: 'sub', usdCents: subPlanCents(plan) };
      break;
    case 'subgift': {
      const mystery = t['msg-id'] === 'submysterygift' || t['msg-id'] === 'anonsubmysterygift';
      const count = mystery ? int(t['msg-param-mass-gift-count'], 1) : int(t['msg-param-gift-months'], 1);
      m.amount = { value: count, unit: 'sub', usdCents: count * subPlanCents(plan) };
      break;
    }
    case 'raid':
      m.amount = { value: int(t['msg-param-viewerCount']), unit: 'viewer', usdCents: 0 };
      break;
    case 'clear':
      // `CLEARCHAT #chan :login` times out or bans one user; without a login the whole chat was cleared.
      if (text !== undefined) m.user = { platform: 'twitch', id: t['target-user-id'] ?? '', name: text, displayName: text, badges: [], mod: false, subscriber: false };
      break;
    default:
      break;
  }
  return m;
}
