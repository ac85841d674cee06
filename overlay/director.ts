import { EVENT_NAMES, type EventDataMap, type EventName, type GiftData } from '../protocol/index.ts';
import type { OverlayContext } from './context.ts';
import { RuleEngine, type RuleEvent, type RuleUser } from './logic/config-rules.ts';
import { StreakTracker, type StreakUpdate } from './logic/streaks.ts';
import { JoinMerger, joinText } from './logic/join-merger.ts';
import { IgnoredKinds } from './logic/ignored-kinds.ts';
import { readGoal } from './logic/goal-state.ts';

/** Overlay action names a config rule may ask for (type 'action'); anything else is logged and ignored. */
export const KNOWN_ACTIONS = new Set(['Gift Alert', 'Follow Alert', 'Like Alert', 'Sub Alert', 'Share Alert', 'Join Alert', 'Toasty']);

const ruleUser = (d: { userId: string; followRole?: number; isSubscriber: boolean; isModerator: boolean }): RuleUser => ({
  userId: d.userId, followRole: d.followRole ?? 0, isSubscriber: d.isSubscriber, isModerator: d.isModerator,
});

/** A kind a scene shows by listening to the bus itself: nothing for the director to do. */
interface Shown {
  kind: 'shown';
  by: string;
}
/** A kind the overlay chooses not to show, with the reason. */
interface NotShown {
  kind: 'notShown';
  why: string;
}
const shownBy = (by: string): Shown => ({ kind: 'shown', by });
const notShown = (why: string): NotShown => ({ kind: 'notShown', why });

/**
 * The overlay's non-visual logic, listening to the bus: counts gifts once (streaks), merges joins, keeps the
 * counters, runs TikFinity's config rules and triggers Toasty. Derived events go back on the bus for the scenes.
 */
export class Director {
  private readonly streaks = new StreakTracker();
  private readonly lastGift = new Map<string, GiftData>();
  private readonly joins = new JoinMerger(1200);
  private readonly rules: RuleEngine;
  private readonly timeouts: StreakUpdate[] = [];

  constructor(private readonly ctx: OverlayContext) {
    this.rules = new RuleEngine(ctx.log);
    const { bus, harness } = ctx;
    // One exhaustive table: a kind added to protocol's EVENT_NAMES fails the build here until the overlay says what
    // it does with it (its logic, the scene that shows it, or that it is not shown, and why).
    const dispatch: { [K in EventName]: ((d: EventDataMap[K], at: number) => void) | Shown | NotShown } = {
      config: (c) => {
        this.rules.setConfig(c);
        ctx.log(`config: ${c.events.length} rules`);
      },
      gift: (g, at) => this.onGift(g, at),
      // Rule events are only built when a config is loaded: no allocation per frame otherwise.
      chat: (c) => {
        harness.counters.chats++;
        if (this.rules.configured) this.run({ type: 'chat', user: ruleUser(c), comment: c.comment }, c);
      },
      like: (l) => {
        harness.counters.likes += Math.max(0, Math.min(l.likeCount, 1000));
        if (this.rules.configured) this.run({ type: 'like', user: ruleUser(l), likeCount: l.likeCount }, l);
      },
      member: (m) => {
        if (m.actionId !== 1) return;
        harness.counters.joins++;
        this.joins.add(m.nickname || m.uniqueId, this.now);
        if (this.rules.configured) this.run({ type: 'join', user: ruleUser(m) }, m);
      },
      follow: (f) => this.social('follow', f, 'follow'),
      share: (f) => this.social('share', f, null),
      subscribe: (f) => this.social('subscribe', f, null),
      roomUser: shownBy('Leaderboard'),
      emote: shownBy('ChatFeed'),
      social: notShown('TikFinity sends it beside follow and share, which are shown'),
      envelope: notShown('no treasure-box effect yet'),
      questionNew: notShown('no Q&A panel yet'),
      liveIntro: notShown('the room intro is for TikTok\'s own page'),
      linkMicBattle: shownBy('Battle'),
      linkMicArmies: shownBy('Battle'),
      // The battle and goal bars close on it; nothing else is drawn.
      streamEnd: shownBy('Battle, Goal'),
    };
    // At most one console line per kind per page (the debug log instead, under ?debug); counts on __overlay.ignored.
    const ignored = new IgnoredKinds(harness.ignored, (m) => (ctx.params.debug ? ctx.log(m) : console.info(`[overlay] ${m}`)));
    for (const name of EVENT_NAMES) {
      const h = dispatch[name];
      if (typeof h === 'function') bus.on(name, h as (d: unknown, at: number) => void);
      else if (h.kind === 'notShown') bus.on(name, () => ignored.add(name, h.why));
    }
    bus.on('action', (a) => {
      if (a.name === 'Toasty' && a.user) bus.emit('toasty', { ...a.user, diamonds: 0 });
    });
    // Kinds beyond TikFinity's (TLC-style data, sent with --all-kinds) that the overlay shows; every other name is
    // counted and passed over.
    const beyond: Record<string, (data: unknown) => void> = {
      goalUpdate: (d) => {
        const r = readGoal(d);
        if (r.ok) bus.emit('goal', r.goal);
        else {
          harness.bad++;
          ctx.log(`bad frame ignored: goalUpdate: ${r.error}`);
        }
      },
      linkMicBattlePunishFinish: () => bus.emit('battleFinish', {}),
    };
    bus.on('unknown', (u) => {
      const h = Object.hasOwn(beyond, u.event) ? beyond[u.event] : undefined;
      if (h) h(u.data);
      else ignored.add(u.event, 'not a kind the overlay shows');
    });
  }

  private now = 0;

  /** Advances game time: streak timeouts and join bursts. Call once per step, before the bus is flushed. */
  step(now: number): void {
    this.now = now;
    this.timeouts.length = 0;
    for (const u of this.streaks.tick(now, this.timeouts)) {
      const g = this.lastGift.get(u.key);
      this.lastGift.delete(u.key);
      if (g) this.emitStreak(u, g);
    }
    const b = this.joins.tick(now);
    if (b) {
      this.ctx.bus.emit('joinBurst', { text: joinText(b), count: b.count });
    }
  }

  private onGift(g: GiftData, at: number): void {
    const u = this.streaks.onGift(g, this.now);
    if (u.kind === 'ignored') return;
    if (u.kind === 'start' && !u.settled) this.lastGift.set(u.key, g);
    else if (u.kind === 'update') this.lastGift.set(u.key, g);
    else this.lastGift.delete(u.key);
    this.emitStreak(u, g, at);
  }

  private emitStreak(u: StreakUpdate, g: GiftData, at = 0): void {
    const { harness, params, bus } = this.ctx;
    const user = { userId: g.userId, nickname: g.nickname || g.uniqueId, avatar: g.profilePictureUrl };
    if (u.kind === 'start' && g.diamondCount >= params.toasty) bus.emit('toasty', { ...user, diamonds: g.diamondCount });
    if ((u.kind === 'start' || u.kind === 'settle') && u.diamonds > 0) {
      harness.counters.gifts += u.count;
      harness.counters.diamonds += u.diamonds;
      if (g.diamondCount < params.toasty && u.diamonds >= params.toasty) bus.emit('toasty', { ...user, diamonds: u.diamonds });
      if (this.rules.configured) this.run({ type: 'gift', user: ruleUser(g), giftId: g.giftId, diamonds: u.diamonds }, g);
      if (!this.rules.configured) this.ctx.sounds.play(g.diamondCount * u.count >= 100 ? 'gift-big' : 'gift');
    }
    bus.emit('giftStreak', { u, gift: g }, at);
  }

  private social(type: 'follow' | 'share' | 'subscribe', d: Parameters<typeof ruleUser>[0] & { nickname: string; profilePictureUrl: string }, sound: string | null): void {
    if (sound && !this.rules.configured) this.ctx.sounds.play(sound);
    if (this.rules.configured) this.run({ type, user: ruleUser(d) }, d);
  }

  private run(ev: RuleEvent, d: { userId: string; nickname: string; profilePictureUrl: string }): void {
    if (!this.rules.configured) return;
    for (const a of this.rules.match(ev)) {
      if (a.type === 'sound') {
        this.ctx.sounds.play(a.name);
        if (this.ctx.sounds.has(a.name)) this.ctx.checkpoint(`rule:${a.name}`);
        continue;
      }
      if (!KNOWN_ACTIONS.has(a.name)) {
        this.ctx.log(`config: action "${a.name}" (${a.type}) unknown, ignored`);
        continue;
      }
      this.ctx.checkpoint(`rule:${a.name}`);
      this.ctx.bus.emit('action', { name: a.name, user: { userId: d.userId, nickname: d.nickname, avatar: d.profilePictureUrl } });
    }
  }
}
