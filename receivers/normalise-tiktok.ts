import { AMOUNT_USD_CENTS, subPlanCents, type Message, type MessageBadge, type MessageEmote, type MessageKind, type MessageUser } from '../protocol/message.ts';
import type { Received } from './receiver.ts';

/**
 * TikTok events (TikFinity's flat TLC-v1 data: what the TikFinity socket sends and what recorder/tiktok-map.ts makes
 * of tiktok-live-connector's messages) → the normalised Message. Reads loosely: a field missing or of the wrong type
 * becomes a default, never an exception, because a source may be a TikFinity build we have not seen.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : 0);

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
  subscribe: 'sub',
  roomUser: 'viewers',
  streamEnd: 'end',
};

/** The sender's user block, when the event carries one (roomUser does not). */
export function tiktokUser(d: Obj): MessageUser | undefined {
  const id = str(d.userId);
  if (!id && !str(d.uniqueId)) return undefined;
  const badges: MessageBadge[] = Array.isArray(d.userBadges)
    ? d.userBadges.map((b) => obj(b)).map((b) => ({ name: str(b.type) || 'badge', version: str(b.level ?? b.privilegeId ?? '') }))
    : [];
  const name = str(d.uniqueId);
  return {
    platform: 'tiktok',
    id,
    name,
    displayName: str(d.nickname) || name,
    ...(str(d.profilePictureUrl) ? { picture: str(d.profilePictureUrl) } : {}),
    badges,
    mod: d.isModerator === true,
    subscriber: d.isSubscriber === true,
  };
}

/** Fills TikTok's label template (`{0:user} sent {1:gift} × {2:string}`) for a readable system line. */
function label(d: Obj, user: MessageUser | undefined): string | undefined {
  const l = str(d.label);
  if (!l) return undefined;
  return l
    .replace('{0:user}', user?.displayName ?? '')
    .replace('{1:gift}', str(d.giftName))
    .replace('{2:string}', String(num(d.repeatCount) || 1));
}

/** One TikTok event → a Message, or null for a control event (connected, disconnected, ...). */
export function normaliseTiktok(e: Received, seq: number): Message | null {
  if (CONTROL.has(e.kind)) return null;
  const d = obj(e.data);
  const kind: MessageKind = KIND[e.kind] ?? 'other';
  const user = tiktokUser(d);
  const msgId = str(d.msgId);
  const m: Message = {
    id: msgId ? `tiktok:${msgId}` : `tiktok:${e.receiver}:${seq}`,
    platform: 'tiktok',
    receiver: e.receiver,
    kind,
    at: e.at,
    ...(user ? { user } : {}),
    emotes: [],
    original: { kind: e.kind, data: e.data, ...(e.raw !== undefined ? { raw: e.raw } : {}) },
  };
  switch (e.kind) {
    case 'chat': {
      m.text = str(d.comment);
      const emotes: MessageEmote[] = Array.isArray(d.emotes)
        ? d.emotes.map(obj).map((x) => ({ id: str(x.emoteId), start: num(x.placeInComment), length: 0, ...(str(x.emoteImageUrl) ? { url: str(x.emoteImageUrl) } : {}) }))
        : [];
      m.emotes = emotes;
      break;
    }
    case 'emote':
      m.text = '';
      m.emotes = [{ id: str(d.emoteId), start: 0, length: 0, ...(str(d.emoteImageUrl) ? { url: str(d.emoteImageUrl) } : {}) }];
      break;
    case 'gift': {
      m.text = str(d.giftName);
      // PROTOCOL.md's rule: a streakable gift (giftType 1) counts only at repeatEnd; the frames before it are progress.
      const countable = num(d.giftType) !== 1 || d.repeatEnd === true;
      const diamonds = countable ? num(d.diamondCount) * (num(d.repeatCount) || 1) : 0;
      m.amount = { value: diamonds, unit: 'diamond', usdCents: diamonds * AMOUNT_USD_CENTS.diamond };
      if (!countable) m.pending = true;
      break;
    }
    case 'like': {
      const likes = num(d.likeCount);
      m.amount = { value: likes, unit: 'like', usdCents: 0 };
      break;
    }
    case 'subscribe':
      m.amount = { value: 1, unit: 'sub', usdCents: subPlanCents(undefined) };
      break;
    case 'roomUser':
      m.amount = { value: num(d.viewerCount), unit: 'viewer', usdCents: 0 };
      break;
    default:
      break;
  }
  const sys = label(d, user);
  if (sys) m.system = sys;
  return m;
}
