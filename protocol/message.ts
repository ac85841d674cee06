/**
 * The one normalised message every receiver's events become (receivers/normalise*.ts), whatever the platform: what
 * `tiksim watch` prints, what the aggregated socket (`watch --serve-port`) sends and what the overlay reads beside
 * TikTok's own frames. Browser-safe: no node:, nothing of ours.
 *
 * Example (a Twitch cheer):
 * ```json
 * {"id":"twitch:b34ccfc7-4977-403a-8a94-33c6bac34fb8","platform":"twitch","receiver":"twitch","kind":"cheer",
 *  "at":1749859543679,"channel":"#somechannel","user":{"platform":"twitch","id":"1337","name":"ronni",
 *  "displayName":"Ronni","color":"#0D4200","badges":[{"name":"bits","version":"1000"}],"mod":false,"subscriber":false},
 *  "text":"cheer100 great stream","emotes":[],"amount":{"value":100,"unit":"bit","usdCents":100},
 *  "original":{"kind":"PRIVMSG","data":{...},"raw":"@badge-info=;bits=100;... PRIVMSG #somechannel :cheer100 great stream"}}
 * ```
 */

/** Where a message came from. */
export type MessagePlatform = 'tiktok' | 'twitch';

/**
 * What happened, the same word for both platforms where they mean the same thing:
 * chat (TikTok chat, Twitch PRIVMSG), gift (TikTok gift), cheer (Twitch bits), sub (TikTok subscribe, Twitch sub),
 * resub, subgift (one gifted sub; Twitch submysterygift too, with the count in `amount`), raid, follow, like, join
 * (TikTok member, Twitch JOIN), share, viewers (TikTok roomUser), announcement, clear (Twitch CLEARCHAT), delete
 * (Twitch CLEARMSG), notice (Twitch NOTICE), end (stream ended), other (anything else, kept in `original`).
 */
export const MESSAGE_KINDS = [
  'chat',
  'gift',
  'cheer',
  'sub',
  'resub',
  'subgift',
  'raid',
  'follow',
  'like',
  'join',
  'share',
  'viewers',
  'announcement',
  'clear',
  'delete',
  'notice',
  'end',
  'other',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A badge as the platform names it: Twitch `subscriber/12` → {name:'subscriber', version:'12'}; TikTok a badge's type and level. */
export interface MessageBadge {
  name: string;
  version: string;
}

/** The sender (or, for a raid, the raider). */
export interface MessageUser {
  platform: MessagePlatform;
  /** The platform's stable id: TikTok userId, Twitch user-id. */
  id: string;
  /** Login / handle: TikTok uniqueId, Twitch login. */
  name: string;
  /** What to show: TikTok nickname, Twitch display-name (falls back to the login). */
  displayName: string;
  /** Avatar URL where the platform sends one in the event (TikTok does; Twitch IRC does not). */
  picture?: string;
  /** Twitch's chosen name colour (`#RRGGBB`), when set. */
  color?: string;
  badges: MessageBadge[];
  mod: boolean;
  subscriber: boolean;
}

/**
 * An emote inside `text`: `start` and `length` count code points (Twitch's `emotes` tag counts code points, inclusive
 * ranges: `25:0-4` → {start:0, length:5}). TikTok inserts emotes beside the text rather than replacing any of it, so
 * its emotes have length 0 at `placeInComment`.
 */
export interface MessageEmote {
  id: string;
  start: number;
  length: number;
  url?: string;
}

/** The units amounts come in. */
export type AmountUnit = 'diamond' | 'bit' | 'sub' | 'viewer' | 'like';

/**
 * What a message is worth, in the platform's unit and in US cents so a TikTok gift and a Twitch cheer compare.
 * The cents are what the streamer is roughly paid (see AMOUNT_USD_CENTS), not what the viewer spent.
 */
export interface MessageAmount {
  /** In `unit`: diamonds for a gift (diamondCount × repeatCount), bits for a cheer, subs for a (gifted) sub, viewers for a raid, likes. */
  value: number;
  unit: AmountUnit;
  /** Comparable value in US cents (0 for viewers and likes, which nobody pays for). */
  usdCents: number;
}

/**
 * Cents per unit. A TikTok diamond pays the creator about half a US cent (diamonds are cashed out at roughly $0.005);
 * Twitch pays a partner 1 cent per bit; a tier-1 sub costs $4.99 (tier 2 $9.99, tier 3 $24.99; Prime counts as tier 1).
 */
export const AMOUNT_USD_CENTS = {
  diamond: 0.5,
  bit: 1,
  sub: { Prime: 499, '1000': 499, '2000': 999, '3000': 2499 } as Record<string, number>,
  viewer: 0,
  like: 0,
} as const;

/** The event as the receiver handed it on, kept whole so nothing normalisation drops is lost. */
export interface MessageOriginal {
  /** The receiver's kind: a TikTok event name, or the IRC command / USERNOTICE msg-id. */
  kind: string;
  data: unknown;
  /** The original bytes (TikFinity frame text, IRC line) where there were some. */
  raw?: string;
}

/** One normalised message. */
export interface Message {
  /** Unique per message: `<platform>:<the platform's message id>` where it has one, else a receiver sequence. */
  id: string;
  platform: MessagePlatform;
  /** The receiver's name (e.g. 'twitch', 'tikfinity'): which source in an aggregate it came from. */
  receiver: string;
  kind: MessageKind;
  /** Epoch ms it was received. */
  at: number;
  /** Twitch channel (`#name`) or TikTok room, when known. */
  channel?: string;
  user?: MessageUser;
  /** Chat text, a resub's message, a gift's name, a notice's text... */
  text?: string;
  emotes: MessageEmote[];
  amount?: MessageAmount;
  /** A TikTok gift streak still running: its amount is 0 until the streak's last frame, which carries the total. */
  pending?: true;
  /** Twitch's `system-msg` for USERNOTICEs ("Ronni subscribed for 12 months!"), a TikTok label filled in. */
  system?: string;
  original: MessageOriginal;
}

/** A receiver's state as the aggregated socket reports it. */
export interface SourceState {
  name: string;
  platform: MessagePlatform;
  source: string;
  state: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stopped' | 'failed';
  lastError?: string;
}

/**
 * One frame on the aggregated socket (`tiksim watch --serve-port`): a message, or a source's state (sent on every
 * change and to each new client). One JSON object per WebSocket text frame.
 */
export type AggregateFrame = { type: 'message'; message: Message } | { type: 'state'; sources: SourceState[] };

/** Parses one aggregated-socket frame; never throws. */
export function parseAggregateFrame(text: string): { ok: true; frame: AggregateFrame } | { ok: false; error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (typeof v !== 'object' || v === null) return { ok: false, error: 'not an object' };
  const o = v as Record<string, unknown>;
  if (o.type === 'message') {
    const m = o.message as Record<string, unknown> | undefined;
    if (!m || typeof m !== 'object' || typeof m.kind !== 'string' || (m.platform !== 'tiktok' && m.platform !== 'twitch'))
      return { ok: false, error: 'message without platform/kind' };
    return { ok: true, frame: o as AggregateFrame };
  }
  if (o.type === 'state' && Array.isArray(o.sources)) return { ok: true, frame: o as AggregateFrame };
  return { ok: false, error: `unknown frame type ${JSON.stringify(o.type)}` };
}

/** A sub plan's cents (Prime and unknown plans count as tier 1). */
export function subPlanCents(plan: string | undefined): number {
  return AMOUNT_USD_CENTS.sub[plan ?? '1000'] ?? AMOUNT_USD_CENTS.sub['1000'];
}
