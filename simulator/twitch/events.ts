/**
 * One function per Twitch kind: draws what happens (from the seeded rng, at generation time) and returns how to write
 * it in a channel (at send time, once per joined channel). Generated and fired events go through the same function;
 * a fired one passes its parameters, each kind its own type.
 */
import { findEmotes, type EmoteRange, type SubPlan } from '../../protocol/twitch/index.ts';
import { hash32, type Rng } from '../rng.ts';
import { textPools } from '../text-pools.ts';
import {
  clearchatLine, clearmsgLine, privmsgLine, render, roomstateLine, userIdFor, usernoticeLine, uuidFrom,
  type ChannelCtx, type Rendered, type RoomSettings,
} from './lines.ts';
import type { TwitchPopulation, TwitchViewer } from './population.ts';

/** A channel being served: its name, room id and current settings. */
export interface ChannelState extends ChannelCtx {
  room: RoomSettings;
}

/** A drawn event: how to write it in one channel (ids differ per channel, as two channels never share a message). */
export type Build = (ch: ChannelState) => Rendered[];

/** What the kind functions draw from. */
export interface EventHost {
  readonly seed: number;
  readonly rng: Rng;
  readonly pop: TwitchPopulation;
  /** The event's sequence number (part of its ids). */
  readonly seq: number;
  /** Virtual time of the event (tmi-sent-ts). */
  readonly at: number;
  /** Recent chat messages, newest last, for CLEARMSG and timeouts. */
  readonly recent: RecentChat[];
  /** Gift subs each gifter has given so far (msg-param-sender-count). */
  readonly gifted: Map<string, number>;
}

/** A chat message that was sent, kept so a CLEARMSG can delete it. */
export interface RecentChat {
  seq: number;
  viewer: TwitchViewer;
  text: string;
}

/** Twitch's global emotes, by the word that shows them (ids are Twitch's). */
export const GLOBAL_EMOTES: Readonly<Record<string, string>> = {
  Kappa: '25', Keepo: '1902', DansGame: '33', SwiftRage: '34', PJSalt: '36', Kreygasm: '41', BibleThump: '86',
  ResidentSleeper: '245', '4Head': '354', FailFish: '360', HeyGuys: '30259', NotLikeThis: '58765', SeemsGood: '64138',
  LUL: '425618', PogChamp: '305954156',
};
const EMOTE_WORDS = Object.keys(GLOBAL_EMOTES);
const CHAT_WORDS = ['gg', 'lets go', 'W', 'no way', 'hi chat', 'first', 'clip it', 'LOL', 'nice one', 'monkaS', 'ez', 'o7', 'true', 'peepoHey'];
const PLANS: readonly SubPlan[] = ['Prime', '1000', '1000', '1000', '1000', '1000', '2000', '3000'];
const BITS = [1, 10, 50, 100, 100, 100, 200, 500, 1000, 5000];
const ANNOUNCE_COLORS = ['PRIMARY', 'BLUE', 'GREEN', 'ORANGE', 'PURPLE'];

const idOf = (h: EventHost, ch: ChannelCtx, part = 0): string => uuidFrom(h.seed, h.seq * 64 + part, Number(ch.roomId));
const tierName = (plan: SubPlan): string => (plan === 'Prime' ? 'Prime' : `Tier ${plan[0]}`);
const subbedWith = (plan: SubPlan): string => (plan === 'Prime' ? 'subscribed with Prime' : `subscribed at ${tierName(plan)}`);
const planName = (plan: SubPlan, ch: ChannelCtx): string => (plan === 'Prime' ? 'Prime' : `Channel Subscription (${ch.name})`);

/** A viewer for a login a fired event names: one of ours when it is, else a plain new chatter. */
export function viewerFor(h: Pick<EventHost, 'pop' | 'seed'>, login: string | undefined, draw: () => number): TwitchViewer {
  if (login === undefined) return h.pop.get(draw());
  const known = h.pop.findLogin(login);
  if (known) return known;
  return { index: -1, login, displayName: login, userId: userIdFor(h.seed, login), color: '', mod: false, vip: false, turbo: false, subMonths: 0, bitsBadge: 0 };
}

/** A chat text: a comment of the shared pools, a short chat word, or emotes around one. */
function chatText(h: EventHost): string {
  const r = h.rng.float();
  const pools = textPools(h.seed);
  const base = r < 0.55 ? h.rng.pick(pools.comments) : h.rng.pick(CHAT_WORDS);
  const e = h.rng.float();
  if (e < 0.2) return `${base} ${h.rng.pick(EMOTE_WORDS)}`;
  if (e < 0.3) return `${h.rng.pick(EMOTE_WORDS)} ${base} ${h.rng.pick(EMOTE_WORDS)}`;
  if (e < 0.35) return `${h.rng.pick(EMOTE_WORDS)} ${h.rng.pick(EMOTE_WORDS)} ${h.rng.pick(EMOTE_WORDS)}`;
  return base;
}

const withEmotes = (text: string): { text: string; emotes: EmoteRange[] } => ({ text, emotes: findEmotes(text, GLOBAL_EMOTES) });

/** Parameters a fired chat message may set. */
export interface ChatParams { user?: string; text?: string }
/** A chat message. */
export function chat(h: EventHost, p: ChatParams = {}): Build {
  const v = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const text = p.text ?? chatText(h);
  const firstMsg = p.text === undefined && h.rng.chance(0.02);
  h.recent.push({ seq: h.seq, viewer: v, text });
  if (h.recent.length > 50) h.recent.shift();
  return (ch) => [render(privmsgLine(v, ch, idOf(h, ch), h.at, { ...withEmotes(text), firstMsg }), false)];
}

/** Parameters a fired cheer may set. */
export interface CheerParams { user?: string; bits?: number; text?: string }
/** A cheer: `bits` and cheermotes that add up to it. */
export function cheer(h: EventHost, p: CheerParams = {}): Build {
  const v = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const bits = p.bits ?? h.rng.pick(BITS);
  // Some cheers split their bits over two cheermotes, as people type "Cheer100 Kappa50".
  const split = bits >= 10 && p.bits === undefined && h.rng.chance(0.2) ? Math.floor(bits / 2) : 0;
  const tokens = split ? `Cheer${bits - split} Kappa${split}` : `Cheer${bits}`;
  const text = `${tokens} ${p.text ?? chatText(h)}`;
  return (ch) => [render(privmsgLine(v, ch, idOf(h, ch), h.at, { ...withEmotes(text), bits }), false)];
}

/** Parameters a fired sub may set. */
export interface SubParams { user?: string; plan?: SubPlan }
/** A first subscription. */
export function sub(h: EventHost, p: SubParams = {}): Build {
  const v = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const plan = p.plan ?? h.rng.pick(PLANS);
  return (ch) => {
    const params = { 'cumulative-months': '1', months: '0', 'multimonth-duration': '1', 'multimonth-tenure': '0', 'should-share-streak': '0', 'sub-plan-name': planName(plan, ch), 'sub-plan': plan, 'was-gifted': 'false' };
    return [render(usernoticeLine(v, ch, idOf(h, ch), h.at, 'sub', params, `${v.displayName} ${subbedWith(plan)}.`), true)];
  };
}

/** Parameters a fired resub may set. */
export interface ResubParams { user?: string; plan?: SubPlan; months?: number; streak?: number; text?: string }
/** A resubscription, with the months and, when shared, the streak; often a message. */
export function resub(h: EventHost, p: ResubParams = {}): Build {
  const v = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const plan = p.plan ?? h.rng.pick(PLANS);
  const months = p.months ?? h.rng.int(2, 60);
  const streak = p.streak ?? (h.rng.chance(0.5) ? h.rng.int(1, months) : undefined);
  const text = p.text ?? (h.rng.chance(0.6) ? chatText(h) : undefined);
  return (ch) => {
    const params: Record<string, string> = { 'cumulative-months': String(months), months: '0', 'multimonth-duration': '1', 'multimonth-tenure': '0', 'should-share-streak': streak !== undefined ? '1' : '0' };
    if (streak !== undefined) params['streak-months'] = String(streak);
    Object.assign(params, { 'sub-plan-name': planName(plan, ch), 'sub-plan': plan, 'was-gifted': 'false' });
    const sys = `${v.displayName} ${subbedWith(plan)}. They've subscribed for ${months} months${streak !== undefined ? `, currently on a ${streak} month streak` : ''}!`;
    return [render(usernoticeLine(v, ch, idOf(h, ch), h.at, 'resub', params, sys, text === undefined ? undefined : withEmotes(text)), true)];
  };
}

function giftLine(h: EventHost, ch: ChannelState, part: number, gifter: TwitchViewer, to: TwitchViewer, plan: SubPlan, senderCount: number, originId: string): Rendered {
  const params: Record<string, string> = {
    'gift-months': '1', months: String(Math.max(1, to.subMonths)), 'origin-id': originId, 'recipient-display-name': to.displayName,
    'recipient-id': to.userId, 'recipient-user-name': to.login, 'sender-count': String(senderCount), 'sub-plan-name': planName(plan, ch), 'sub-plan': plan,
  };
  const sys = `${gifter.displayName} gifted a ${tierName(plan)} sub to ${to.displayName}!${senderCount > 1 ? ` They have given ${senderCount} Gift Subs in the channel!` : ''}`;
  return render(usernoticeLine(gifter, ch, idOf(h, ch, part), h.at, 'subgift', params, sys), true);
}

const giftPlan = (h: EventHost, plan: SubPlan | undefined): SubPlan => plan ?? (h.rng.chance(0.9) ? '1000' : h.rng.pick(['2000', '3000'] as const));

/** Parameters a fired gift sub may set. */
export interface SubgiftParams { user?: string; recipient?: string; plan?: SubPlan }
/** One gifted sub to one recipient. */
export function subgift(h: EventHost, p: SubgiftParams = {}): Build {
  const gifter = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const to = viewerFor(h, p.recipient, () => h.pop.sampleUniform(h.rng));
  const plan = giftPlan(h, p.plan);
  const count = (h.gifted.get(gifter.login) ?? 0) + 1;
  h.gifted.set(gifter.login, count);
  const origin = String(hash32(h.seed, h.seq, 0x6f));
  return (ch) => [giftLine(h, ch, 0, gifter, to, plan, count, origin)];
}

/** Parameters a fired mystery gift may set. */
export interface MysteryParams { user?: string; count?: number; plan?: SubPlan }
/** A community gift: the submysterygift notice, then one subgift per recipient, as Twitch sends them. */
export function submysterygift(h: EventHost, p: MysteryParams = {}): Build {
  const gifter = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const n = p.count ?? h.rng.pick([1, 5, 5, 5, 10, 10, 20, 50]);
  const plan = giftPlan(h, p.plan);
  const before = h.gifted.get(gifter.login) ?? 0;
  h.gifted.set(gifter.login, before + n);
  const recipients = Array.from({ length: n }, () => h.pop.get(h.pop.sampleUniform(h.rng)));
  const origin = String(hash32(h.seed, h.seq, 0x6f));
  return (ch) => {
    const params = { 'mass-gift-count': String(n), 'origin-id': origin, 'sender-count': String(before + n), 'sub-plan': plan };
    const sys = `${gifter.displayName} is gifting ${n} ${tierName(plan)} Subs to ${ch.name}'s community! They've gifted a total of ${before + n} in the channel!`;
    const head = render(usernoticeLine(gifter, ch, idOf(h, ch), h.at, 'submysterygift', params, sys), true);
    return [head, ...recipients.map((to, i) => giftLine(h, ch, i + 1, gifter, to, plan, before + i + 1, origin))];
  };
}

/** Parameters a fired raid may set. */
export interface RaidParams { user?: string; viewers?: number }
/** Another channel raids this one. */
export function raid(h: EventHost, p: RaidParams = {}): Build {
  const from = viewerFor(h, p.user, () => h.pop.sampleUniform(h.rng));
  // Raid sizes are heavy-tailed: most bring a handful, a few bring thousands.
  const viewers = p.viewers ?? Math.max(1, Math.floor(Math.exp(h.rng.float() * Math.log(3000))));
  return (ch) => {
    const params = { displayName: from.displayName, login: from.login, viewerCount: String(viewers) };
    return [render(usernoticeLine(from, ch, idOf(h, ch), h.at, 'raid', params, `${viewers} raiders from ${from.displayName} have joined!`), true)];
  };
}

/** Parameters a fired announcement may set. */
export interface AnnouncementParams { user?: string; text?: string; color?: string }
/** A moderator's /announce. */
export function announcement(h: EventHost, p: AnnouncementParams = {}): Build {
  const v = viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const color = p.color ?? h.rng.pick(ANNOUNCE_COLORS);
  const text = p.text ?? h.rng.pick(['Welcome to the stream!', 'Giveaway at 100 subs', 'Be nice in chat', 'Follow for more']);
  return (ch) => [render(usernoticeLine(v, ch, idOf(h, ch), h.at, 'announcement', { color }, '', withEmotes(text)), true)];
}

/** Parameters a fired CLEARCHAT may set: a user timed out (`seconds`), banned (no seconds), or the whole chat. */
export interface ClearchatParams { user?: string; seconds?: number; all?: boolean }
/** A timeout (most), a ban, or the chat cleared. */
export function clearchat(h: EventHost, p: ClearchatParams = {}): Build {
  const r = p.user !== undefined || p.all !== undefined ? (p.all ? 1 : 0) : h.rng.float();
  if (r >= 0.95) return (ch) => [render(clearchatLine(ch, h.at), true)];
  const recent = h.recent.length > 0 && p.user === undefined ? h.recent[h.recent.length - 1 - Math.floor(h.rng.float() * h.recent.length)]! : undefined;
  const v = recent ? recent.viewer : viewerFor(h, p.user, () => h.pop.sample(h.rng));
  const seconds = p.user !== undefined ? p.seconds : r < 0.8 ? h.rng.pick([1, 60, 600, 3600]) : undefined;
  return (ch) => [render(clearchatLine(ch, h.at, { v, seconds }), true)];
}

/** Parameters a fired CLEARMSG may set. */
export interface ClearmsgParams { targetMsgId?: string; user?: string; text?: string }
/** One recent message deleted (its id in that channel); nothing when no message has been sent yet. */
export function clearmsg(h: EventHost, p: ClearmsgParams = {}): Build {
  if (p.targetMsgId !== undefined) {
    const login = p.user ?? 'unknown';
    const id = p.targetMsgId;
    return (ch) => [render(clearmsgLine(ch, h.at, login, id, p.text ?? ''), true)];
  }
  if (h.recent.length === 0) return () => [];
  const target = h.recent[h.recent.length - 1 - Math.floor(h.rng.float() * Math.min(10, h.recent.length))]!;
  const targetHost = { ...h, seq: target.seq };
  return (ch) => [render(clearmsgLine(ch, h.at, target.viewer.login, idOf(targetHost, ch), target.text), true)];
}

/** Parameters a fired ROOMSTATE may set: the settings that change. */
export type RoomstateParams = Partial<RoomSettings>;
/** A change of one chat setting (a mode switched on or off). */
export function roomstate(h: EventHost, p: RoomstateParams = {}): Build {
  const pickChange = h.rng.float();
  return (ch) => {
    let change: Partial<RoomSettings> = p;
    if (Object.keys(p).length === 0) {
      const r = ch.room;
      change = pickChange < 0.4 ? { slow: r.slow ? 0 : 30 } : pickChange < 0.6 ? { emoteOnly: !r.emoteOnly } : pickChange < 0.8 ? { followersOnly: r.followersOnly >= 0 ? -1 : 10 } : pickChange < 0.9 ? { subsOnly: !r.subsOnly } : { r9k: !r.r9k };
    }
    Object.assign(ch.room, change);
    return [render(roomstateLine(ch, change), true)];
  };
}

/** Every kind's function, by rate kind (rates.ts's order). */
export const KIND_FNS = { chat, cheer, sub, resub, subgift, submysterygift, raid, announcement, clearchat, clearmsg, roomstate } as const;
