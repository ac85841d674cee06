import type { FireBody, UserSpec } from './api-types.ts';

/** A one-click gift button: a catalog name (exactly as GET /api/gifts spells it) and how many. */
export interface GiftPreset {
  label: string;
  gift: string;
  amount: number;
}

/** The gift picker's preset buttons. presets.test.ts fires each at a real simulator: every name must be in the catalog. */
export const GIFT_PRESETS: readonly GiftPreset[] = [
  { label: 'Rose ×5', gift: 'Rose', amount: 5 },
  { label: 'TikTok ×10', gift: 'TikTok', amount: 10 },
  { label: 'Lion', gift: 'Lion', amount: 1 },
  { label: 'TikTok Universe', gift: 'TikTok Universe', amount: 1 },
];

/** The quick-events card's one-click buttons: each sends `{event}` alone and the simulator fills in the rest. */
export const ONE_CLICK: readonly { event: string; label: string; icon: string }[] = [
  { event: 'follow', label: 'Follow', icon: '➕' },
  { event: 'share', label: 'Share', icon: '↗' },
  { event: 'subscribe', label: 'Subscribe', icon: '★' },
  { event: 'member', label: 'Join', icon: '👋' },
];

/**
 * The POST /api/events body for `amount` of a gift: a streakable gift plays one combo of `amount` taps, any other
 * is sent `amount` times (TikTok never streaks those).
 * @example giftBody('Rose', 5, true, {random: true}) // {event:'gift', data:{giftName:'Rose', repeatCount:5}, user:{random:true}}
 */
export function giftBody(giftName: string, amount: number, streakable: boolean, user: UserSpec): FireBody {
  return streakable
    ? { event: 'gift', data: { giftName, repeatCount: amount }, user }
    : { event: 'gift', data: { giftName, repeatCount: 1 }, user, count: amount };
}

/** Emote pictures the simulator serves at /media/emote/<0..7>.png. */
export const EMOTES = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** One emote of a chat body, as TikFinity sends it. */
export interface Emote {
  emoteId: string;
  emoteImageUrl: string;
  placeInComment: number;
}

/** Emote `n` placed at character `place` of the comment; `origin` is the simulator's (the page's own). */
export function emoteAt(n: number, place: number, origin: string): Emote {
  return { emoteId: `tiksim-emote-${n}`, emoteImageUrl: new URL(`/media/emote/${n}.png`, origin).href, placeInComment: place };
}

/** The chat composer's body. */
export function chatBody(comment: string, emotes: Emote[], user: UserSpec): FireBody {
  return { event: 'chat', data: { comment, emotes }, user };
}

/** The like burst's body: `events` like events of `likes` likes each. */
export function likeBody(likes: number, events: number, user: UserSpec): FireBody {
  return { event: 'like', data: { likeCount: likes }, count: events, user };
}

/** The like burst's prefilled fields. */
export const LIKE_DEFAULTS = { likes: 15, events: 10 } as const;
