import { frameHead, type FrameCtx } from '../generator-context.ts';
import type { Viewer } from '../population.ts';
import type { Rng } from '../rng.ts';
import type { KindHost, KindSpec } from './kind-spec.ts';

/**
 * A treasure chest, as TLC v1 (TikFinity's base) flattens TikTok's WebcastEnvelopeMessage: v1's schema reads field 1
 * (the message's common part) as "treasureBoxUser", whose display text's first user is the sender, and field 2 as
 * "treasureBoxData" {coins, canOpen, timestamp}, i.e. diamondCount, peopleCount and unpackAt (epoch seconds). So the
 * frame has the sender's user block and the box, and no msgId or createTime (v1 never reads the common part as such).
 */
export interface EnvelopeParams {
  /** The sender; null for an empty frame. */
  user: Viewer | null;
  /** The box; null for an empty frame. */
  box: { coins: number; canOpen: number; timestamp: number } | null;
}

/** Share of real envelope messages that are empty: no coins, no user (docs/REAL-DATA.md). */
export const EMPTY_ENVELOPE_SHARE = 0.5;
/** Share of non-empty envelopes the streamer sends (the rest come from viewers). */
export const STREAMER_ENVELOPE_SHARE = 0.8;

/**
 * The user block v1 builds from an absent user (getUserAttributes({})): the string fields are undefined, so JSON
 * drops them, the picture is null, and only the badge-derived flags and levels remain; topGifterRank is 0, as
 * TikFinity writes it on every top-level user block.
 */
const EMPTY_USER =
  '"profilePictureUrl":null,"userBadges":[],"userDetails":{},"isModerator":false,"isNewGifter":false,"isSubscriber":false,' +
  '"topGifterRank":0,"gifterLevel":0,"teamMemberLevel":0';

const HEAD = frameHead('envelope');

/** The exact frame text of an envelope event (an empty one when both user and box are null). */
export function envelopeFrame(p: EnvelopeParams, ctx: FrameCtx): string {
  const user = p.user ? p.user.json : EMPTY_USER;
  const box = p.box ? `,"coins":${p.box.coins},"canOpen":${p.box.canOpen},"timestamp":${p.box.timestamp}` : '';
  return `${HEAD}${user}${box}${ctx.tail}`;
}

/** Coins in a real box: 2 to 55, mostly 20. */
export function envelopeCoins(rng: Rng): number {
  return rng.chance(0.6) ? 20 : rng.int(2, 55);
}

/** A box from `user` drawn from `rng`, opening 0 to 3 minutes after `t` (epoch seconds, as unpackAt is). */
function boxFrame(host: KindHost, user: Viewer, t: number, rng: Rng): string {
  const coins = envelopeCoins(rng);
  const box = { coins, canOpen: rng.int(1, Math.min(coins, 20)), timestamp: Math.floor(t / 1000) + rng.int(0, 180) };
  return envelopeFrame({ user, box }, host.ctx);
}

/** envelope: a treasure box; generated frames are half empty and mostly the streamer's, a fired one is the chosen viewer's box. */
export const envelopeKind = {
  rate: 0.002,
  generate(host, tf, emit) {
    const rng = host.rng;
    const t = Math.floor(tf);
    const viewer = host.pop.get(host.pop.sample(rng));
    const empty = rng.chance(EMPTY_ENVELOPE_SHARE);
    const sender = rng.chance(STREAMER_ENVELOPE_SHARE) ? host.hosts.get(0) : viewer;
    host.send(emit, 'envelope', empty ? envelopeFrame({ user: null, box: null }, host.ctx) : boxFrame(host, sender, t, rng), tf);
  },
  build: (host, viewer, _data, rng) => (t) => boxFrame(host, host.pop.get(viewer), t, rng),
  consumes: [],
} satisfies KindSpec;
