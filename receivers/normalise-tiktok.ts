import { AMOUNT_USD_CENTS, subPlanCents, type Message, type MessageBadge, type MessageEmote, type MessageKind, type MessageUser } from '../protocol/message.ts';
import type { Received } from './receiver.ts';

/**
 * TikTok events → the normalised Message. Every TikTok receiver hands on TLC-style data (what tiktok-live-connector
 * v2.5 emits: the decoded webcast message, protocol/tlc/), the TikFinity socket's included (receivers/frames.ts
 * converts). Field names are TLC's: `user.displayId` (the handle), `user.id`, `user.avatarThumb.urlList[0]`, chat
 * `content`, like `count`, roomUser `total`, gift `gift.name`/`gift.diamondCount`/`gift.type` and `repeatEnd` 0/1.
 * Reads loosely: a missing or mistyped field becomes a default, never an exception.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : 0);
const firstUrl = (img: unknown): string => str(arr(obj(img).urlList)[0]);

/** The receiver's control events: states, not messages (the aggregate reports them as states). */
const CONTROL = new Set(['connected', 'disconnected', 'error', 'websocketConnected', 'rawData', 'decodedData']);

const KIND: Record<string, MessageKind> = {
  chat: 'chat',
  emote: 'chat',
  gift: 'gift',
  like: 'like',
  member: 'join',
  follow: 'follow',
  share: 'share',
  subNotify: 'sub',
  roomUser: 'viewers',
  streamEnd: 'end',
};

/** TLC's BadgeStruct sceneType names (BadgeSceneType): 1 admin, 4 subscriber, 8 gifter level, 10 fan club. */
const BADGE_SCENE: Record<number, string> = { 1: 'moderator', 2: 'new-gifter', 4: 'subscriber', 8: 'gifter', 10: 'fan-club' };

/** The sender, from TLC's User block. */
export function tiktokUser(u: Obj): MessageUser | undefined {
  const id = str(u.id);
  const name = str(u.displayId);
  if (!id && !name) return undefined;
  const badges: MessageBadge[] = arr(u.badgeList).map(obj).map((b) => ({
    name: BADGE_SCENE[num(b.sceneType)] ?? `scene-${num(b.sceneType)}`,
    version: str(obj(b.combine).str),
  }));
  const picture = firstUrl(u.avatarThumb);
  return {
    platform: 'tiktok',
    id,
    name,
    displayName: str(u.nickname) || name,
    ...(picture ? { picture } : {}),
    badges,
    mod: obj(u.userAttr).isAdmin === true,
    subscriber: u.isSubscribe === true,
  };
}

/** Fills TikTok's display pattern (`{0:user} sent {1:gift} × {2:string}`) for a readable system line. */
function system(d: Obj, user: MessageUser | undefined): string | undefined {
  const pattern = str(obj(obj(d.common).displayText).defaultPattern);
  if (!pattern) return undefined;
  return pattern
    .replace('{0:user}', user?.displayName ?? '')
    .replace('{1:gift}', str(obj(d.gift).name))
    .replace('{2:string}', String(num(d.repeatCount) || 1));
}

function emote(e: unknown, start: number): MessageEmote {
  const x = obj(e);
  const url = firstUrl(x.image);
  return { id: str(x.emoteId), start, length: 0, ...(url ? { url } : {}) };
}

/** One TikTok event → a Message, or null for a control event (connected, disconnected, error). */
export function normaliseTiktok(e: Received, seq: number): Message | null {
  if (CONTROL.has(e.kind)) return null;
  const d = obj(e.data);
  const user = tiktokUser(obj(d.user));
  const msgId = str(obj(d.common).msgId);
  const roomId = str(obj(d.common).roomId);
  const m: Message = {
    id: msgId && msgId !== '0' ? `tiktok:${msgId}` : `tiktok:${e.receiver}:${seq}`,
    platform: 'tiktok',
    receiver: e.receiver,
    kind: KIND[e.kind] ?? 'other',
    at: e.at,
    ...(roomId && roomId !== '0' ? { channel: roomId } : {}),
    ...(user ? { user } : {}),
    emotes: [],
    original: { kind: e.kind, data: e.data, ...(e.raw !== undefined ? { raw: e.raw } : {}) },
  };
  switch (e.kind) {
    case 'chat':
      m.text = str(d.content);
      // TikTok inserts an emote at `index` in the text rather than replacing characters.
      m.emotes = arr(d.emotes).map(obj).map((x) => emote(x.emote, num(x.index)));
      break;
    case 'emote':
      m.text = '';
      m.emotes = arr(d.emoteList).map((x) => emote(x, 0));
      break;
    case 'gift': {
      const g = obj(d.gift);
      m.text = str(g.name);
      // PROTOCOL.md's rule: a streakable gift (type 1) counts only at repeatEnd; the frames before it are progress.
      const countable = num(g.type) !== 1 || num(d.repeatEnd) === 1 || d.repeatEnd === true;
      const diamonds = countable ? num(g.diamondCount) * (num(d.repeatCount) || 1) : 0;
      m.amount = { value: diamonds, unit: 'diamond', usdCents: diamonds * AMOUNT_USD_CENTS.diamond };
      if (!countable) m.pending = true;
      break;
    }
    case 'like':
      m.amount = { value: num(d.count), unit: 'like', usdCents: 0 };
      break;
    case 'subNotify':
      m.amount = { value: 1, unit: 'sub', usdCents: subPlanCents(undefined) };
      break;
    case 'roomUser':
      m.amount = { value: num(d.total), unit: 'viewer', usdCents: 0 };
      break;
    default:
      break;
  }
  const sys = system(d, user);
  if (sys) m.system = sys;
  return m;
}
