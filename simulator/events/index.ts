/**
 * The kind registry: one spec per event name (simulator/events/<kind>.ts). A name added to protocol's EVENT_NAMES
 * fails the build here until it has a spec; the rate kinds, their defaults and the burst kinds derive from it.
 * Key order is the order arrivals are drawn in: it is part of what a seed repeats, so new kinds go at the end.
 */
import type { EventName } from '../../protocol/index.ts';
import { chatKind } from './chat.ts';
import { configKind } from './config.ts';
import { emoteKind } from './emote.ts';
import { envelopeKind } from './envelope.ts';
import { followKind } from './follow.ts';
import { giftKind } from './gift.ts';
import type { KindSpec } from './kind-spec.ts';
import { likeKind } from './like.ts';
import { linkMicArmiesKind } from './link-mic-armies.ts';
import { linkMicBattleKind } from './link-mic-battle.ts';
import { liveIntroKind } from './live-intro.ts';
import { memberKind } from './member.ts';
import { questionNewKind } from './question-new.ts';
import { roomUserKind } from './room-user.ts';
import { shareKind } from './share.ts';
import { socialKind } from './social.ts';
import { streamEndKind } from './stream-end.ts';
import { subscribeKind } from './subscribe.ts';

export type { KindHost, KindSpec, FiredData } from './kind-spec.ts';

/** Every kind the simulator sends, generated, fired or on connect. */
export const KINDS = {
  chat: chatKind,
  like: likeKind,
  gift: giftKind,
  member: memberKind,
  follow: followKind,
  share: shareKind,
  subscribe: subscribeKind,
  emote: emoteKind,
  envelope: envelopeKind,
  questionNew: questionNewKind,
  liveIntro: liveIntroKind,
  linkMicBattle: linkMicBattleKind,
  linkMicArmies: linkMicArmiesKind,
  roomUser: roomUserKind,
  streamEnd: streamEndKind,
  config: configKind,
  social: socialKind,
} satisfies Record<EventName, KindSpec>;

type Kinds = typeof KINDS;

/** Kinds generated as Poisson arrivals: those whose spec has a default rate. */
export type RateKind = { [K in keyof Kinds]: Kinds[K] extends { rate: number } ? K : never }[keyof Kinds];

const specs = KINDS as Record<EventName, KindSpec>;

/** The rate kinds, in draw order. */
export const RATE_KINDS = (Object.keys(KINDS) as EventName[]).filter((k) => specs[k].rate !== undefined) as RateKind[];

/** Each rate kind's default events/s. */
export const DEFAULT_RATES = Object.fromEntries(RATE_KINDS.map((k) => [k, specs[k].rate!])) as Record<RateKind, number>;

/** Kinds a fault burst may fire (all but those sent on connect only). */
export const BURST_KINDS = (Object.keys(KINDS) as EventName[]).filter((k) => !specs[k].noBurst);

/** The spec of a kind. */
export function kindSpec(k: EventName): KindSpec {
  return specs[k];
}
