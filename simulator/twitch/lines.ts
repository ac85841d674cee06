/**
 * Twitch's lines, byte for byte: the sender tags in Twitch's (sorted) order, the prefixes Twitch uses, the colon where
 * Twitch puts one. Pure builders: the server's generator and fired events both go through these. Real samples of
 * every shape are in protocol/twitch/samples.ts; lines.test.ts holds our output against them.
 */
import { emptyTags, serializeIrcLine, serializeEmotes, TMI_HOST, type EmoteRange, type IrcLineInput, type IrcTags } from '../../protocol/twitch/index.ts';
import { hash32 } from '../rng.ts';
import { badgeInfoOf, badgesOf, type TwitchViewer } from './population.ts';

/** A channel as its lines need it. */
export interface ChannelCtx {
  /** Login, without '#'. */
  readonly name: string;
  readonly roomId: string;
}

/** One line in its two forms: with tags (clients with twitch.tv/tags) and without. */
export interface Rendered {
  readonly tagged: string;
  readonly plain: string;
  /** Sent only to clients with twitch.tv/commands (USERNOTICE, CLEARCHAT, ROOMSTATE...). */
  readonly commands: boolean;
}

/** Writes both forms of a line. */
export function render(line: IrcLineInput, commands: boolean): Rendered {
  const tagged = serializeIrcLine(line);
  return { tagged, plain: line.tags ? serializeIrcLine({ ...line, tags: undefined }) : tagged, commands };
}

/** Tags in Twitch's order: sorted by key (what real lines show: `badge-info`, `badges`, `bits`, `color`...). */
export function sortedTags(fields: Record<string, string | undefined>): IrcTags {
  const tags = emptyTags();
  for (const k of Object.keys(fields).sort()) {
    const v = fields[k];
    if (v !== undefined) tags[k] = v;
  }
  return tags;
}

/** A version-4 UUID drawn from (a, b, c): Twitch's message ids look like this, ours repeat with the seed. */
export function uuidFrom(a: number, b: number, c: number): string {
  const h = [0, 1, 2, 3].map((i) => hash32(a ^ Math.imul(i + 1, 0x9e3779b1), b, c).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A stable room id for a channel name (Twitch's are the broadcaster's user id). */
export function roomIdOf(seed: number, name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return String(10_000_000 + (hash32(seed, h, 0x600d) % 890_000_000));
}

/** A stable user id for a login that is not one of the population's (a fired event's user, a logged-in client). */
export function userIdFor(seed: number, login: string): string {
  let h = 0;
  for (let i = 0; i < login.length; i++) h = Math.imul(h ^ login.charCodeAt(i), 0x01000193);
  return String(100_000_000 + (hash32(seed, h, 0x1d) % 900_000_000));
}

const userPrefix = (login: string): string => `${login}!${login}@${login}.tmi.twitch.tv`;

/** The tags every PRIVMSG and USERNOTICE carries about its sender. */
function senderTags(v: TwitchViewer, ch: ChannelCtx, id: string, ts: number, emotes: readonly EmoteRange[]): Record<string, string> {
  return {
    'badge-info': badgeInfoOf(v),
    badges: badgesOf(v),
    color: v.color,
    'display-name': v.displayName,
    emotes: serializeEmotes(emotes),
    flags: '',
    id,
    mod: v.mod ? '1' : '0',
    'room-id': ch.roomId,
    subscriber: v.subMonths > 0 ? '1' : '0',
    'tmi-sent-ts': String(ts),
    turbo: v.turbo ? '1' : '0',
    'user-id': v.userId,
    'user-type': v.mod ? 'mod' : '',
  };
}

/** What a chat message says beyond its sender. */
export interface PrivmsgFields {
  text: string;
  emotes: readonly EmoteRange[];
  /** A cheer: the bits it carries (the text holds the cheermotes). */
  bits?: number;
  firstMsg?: boolean;
  returning?: boolean;
}

/** A chat line: `@... :login!login@login.tmi.twitch.tv PRIVMSG #chan :text`. */
export function privmsgLine(v: TwitchViewer, ch: ChannelCtx, id: string, ts: number, f: PrivmsgFields): IrcLineInput {
  const tags = sortedTags({
    ...senderTags(v, ch, id, ts, f.emotes),
    bits: f.bits !== undefined ? String(f.bits) : undefined,
    'first-msg': f.firstMsg ? '1' : '0',
    'returning-chatter': f.returning ? '1' : '0',
  });
  return { tags, prefix: userPrefix(v.login), command: 'PRIVMSG', params: [`#${ch.name}`, f.text], trailing: true };
}

/** A USERNOTICE: the sender's tags, `login`, `msg-id`, its `msg-param-*`, `system-msg`; the user's text if any. */
export function usernoticeLine(
  v: TwitchViewer,
  ch: ChannelCtx,
  id: string,
  ts: number,
  msgId: string,
  params: Record<string, string>,
  systemMsg: string,
  text?: { text: string; emotes: readonly EmoteRange[] },
): IrcLineInput {
  const fields: Record<string, string> = { ...senderTags(v, ch, id, ts, text?.emotes ?? []), login: v.login, 'msg-id': msgId, 'system-msg': systemMsg };
  for (const [k, val] of Object.entries(params)) fields[`msg-param-${k}`] = val;
  const line: IrcLineInput = { tags: sortedTags(fields), prefix: TMI_HOST, command: 'USERNOTICE', params: [`#${ch.name}`] };
  if (text) {
    line.params!.push(text.text);
    line.trailing = true;
  }
  return line;
}

/** Clears the chat (no login), or one user's messages: a timeout with `ban-duration`, a ban without. */
export function clearchatLine(ch: ChannelCtx, ts: number, target?: { v: TwitchViewer; seconds?: number }): IrcLineInput {
  const tags = sortedTags({
    'ban-duration': target?.seconds !== undefined ? String(target.seconds) : undefined,
    'room-id': ch.roomId,
    'target-user-id': target?.v.userId,
    'tmi-sent-ts': String(ts),
  });
  return { tags, prefix: TMI_HOST, command: 'CLEARCHAT', params: target ? [`#${ch.name}`, target.v.login] : [`#${ch.name}`], trailing: target !== undefined };
}

/** Deletes one message: `target-msg-id`, and the deleted text as the trailing param. */
export function clearmsgLine(ch: ChannelCtx, ts: number, login: string, targetMsgId: string, text: string): IrcLineInput {
  const tags = sortedTags({ login, 'room-id': ch.roomId, 'target-msg-id': targetMsgId, 'tmi-sent-ts': String(ts) });
  return { tags, prefix: TMI_HOST, command: 'CLEARMSG', params: [`#${ch.name}`, text], trailing: true };
}

/** A channel's chat settings. */
export interface RoomSettings {
  emoteOnly: boolean;
  /** Minutes; -1 = off. */
  followersOnly: number;
  r9k: boolean;
  /** Seconds; 0 = off. */
  slow: number;
  subsOnly: boolean;
}

/** Settings of a new channel: everything off. */
export const DEFAULT_ROOM: Readonly<RoomSettings> = { emoteOnly: false, followersOnly: -1, r9k: false, slow: 0, subsOnly: false };

/** ROOMSTATE: all settings (on JOIN), or only the ones given (a change). */
export function roomstateLine(ch: ChannelCtx, s: Partial<RoomSettings>): IrcLineInput {
  const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? '1' : '0');
  const tags = sortedTags({
    'emote-only': flag(s.emoteOnly),
    'followers-only': s.followersOnly === undefined ? undefined : String(s.followersOnly),
    r9k: flag(s.r9k),
    'room-id': ch.roomId,
    slow: s.slow === undefined ? undefined : String(s.slow),
    'subs-only': flag(s.subsOnly),
  });
  return { tags, prefix: TMI_HOST, command: 'ROOMSTATE', params: [`#${ch.name}`] };
}

/** Who a session is logged in as. */
export interface Login {
  nick: string;
  userId: string;
  anonymous: boolean;
}

const server = (command: string, params: string[], trailing = true): IrcLineInput => ({ prefix: TMI_HOST, command, params, trailing });

/** The welcome Twitch sends after NICK: 001-004 and the MOTD 375/372/376 (twurple knows 004 is non-conforming). */
export function welcomeLines(nick: string): IrcLineInput[] {
  return [
    server('001', [nick, 'Welcome, GLHF!']),
    server('002', [nick, 'Your host is tmi.twitch.tv']),
    server('003', [nick, 'This server is rather new']),
    server('004', [nick, '-']),
    server('375', [nick, '-']),
    server('372', [nick, 'You are in a maze of twisty passages, all alike.']),
    server('376', [nick, '>']),
  ];
}

/** GLOBALUSERSTATE after login (tags + commands), for a logged-in, not anonymous, user. */
export function globaluserstateLine(l: Login): IrcLineInput {
  const tags = sortedTags({ 'badge-info': '', badges: '', color: '', 'display-name': l.nick, 'emote-sets': '0', 'user-id': l.userId, 'user-type': '' });
  return { tags, prefix: TMI_HOST, command: 'GLOBALUSERSTATE', params: [] };
}

/** USERSTATE on JOIN (and after the client's own PRIVMSG). */
export function userstateLine(l: Login, ch: ChannelCtx): IrcLineInput {
  const broadcaster = l.nick === ch.name;
  const tags = sortedTags({
    'badge-info': '',
    badges: broadcaster ? 'broadcaster/1' : '',
    color: '',
    'display-name': l.nick,
    'emote-sets': '0',
    mod: '0',
    subscriber: '0',
    turbo: '0',
    'user-type': '',
  });
  return { tags, prefix: TMI_HOST, command: 'USERSTATE', params: [`#${ch.name}`] };
}

/** The JOIN echo and the names list: JOIN, 353, 366. */
export function joinLines(nick: string, channel: string): IrcLineInput[] {
  const host = `${nick}.tmi.twitch.tv`;
  return [
    { prefix: userPrefix(nick), command: 'JOIN', params: [`#${channel}`] },
    { prefix: host, command: '353', params: [nick, '=', `#${channel}`, nick], trailing: true },
    { prefix: host, command: '366', params: [nick, `#${channel}`, 'End of /NAMES list'], trailing: true },
  ];
}

/** The PART echo. */
export function partLine(nick: string, channel: string): IrcLineInput {
  return { prefix: userPrefix(nick), command: 'PART', params: [`#${channel}`] };
}

/** A server NOTICE (`*` before login or for the whole connection, `#chan` for a channel), with msg-id when given. */
export function noticeLine(target: string, text: string, msgId?: string): IrcLineInput {
  const line: IrcLineInput = { prefix: TMI_HOST, command: 'NOTICE', params: [target, text], trailing: true };
  if (msgId) line.tags = sortedTags({ 'msg-id': msgId });
  return line;
}

/** A numeric or other server reply. */
export function serverLine(command: string, params: string[], trailing = true): IrcLineInput {
  return server(command, params, trailing);
}
