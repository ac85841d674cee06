import Phaser from 'phaser';
import type { GiftData } from '../../protocol/index.ts';
import { AMOUNT_USD_CENTS, type Message } from '../../protocol/message.ts';
import { TWITCH_ALERTS, twitchAlert } from '../logic/twitch-alert.ts';
import type { OverlayContext } from '../context.ts';
import { AlertQueue, type Alert } from '../logic/alert-queue.ts';
import type { StreakUpdate } from '../logic/streaks.ts';
import type { MediaLease } from '../media/media-cache.ts';
import { GiftCard, TIER_HEIGHT, tierOf } from './gift-card.ts';

interface Payload {
  groupId: string;
  userId: string;
  nickname: string;
  giftName: string;
  avatarUrl: string;
  giftUrl: string;
  tier: number;
  /** A Twitch alert's line instead of `sent <gift>`. */
  line?: string;
  arrivedAt: number;
  /** Game step it was queued on: shown on the same step means it never waited for a slot. */
  step: number;
}

type Phase = 'in' | 'hold' | 'out';

interface Slot {
  card: GiftCard;
  alert: Alert<Payload> | null;
  phase: Phase;
  shownCount: number;
  settledAt: number;
  settledMarked: boolean;
  /** Game time the counter pop started, or -1. */
  popAt: number;
  avatar: MediaLease | null;
  gift: MediaLease | null;
}

/** How long a settled alert stays (ms, at speed 1). */
const HOLD_MS = 3200;
const POP_MS = 180;

/** Back.easeOut, for the counter pop. */
function backOut(t: number): number {
  const s = 1.70158;
  const u = t - 1;
  return u * u * ((s + 1) * u + s) + 1;
}

/**
 * Gift alerts: a queue of cards with a live streak counter, bigger cards for bigger gifts, merging under
 * backpressure. A card is drawn as soon as a slot is free: pictures are swapped in when they have loaded.
 */
export class GiftAlerts extends Phaser.Scene {
  private readonly queue = new AlertQueue<Payload>({
    mergeAt: 3,
    max: 8,
    onDrop: (a) => this.ctx.checkpoint(`gift:${a.payload.groupId}:dropped`),
  });
  private slots: Slot[] = [];

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'GiftAlerts', active: true });
  }

  create(): void {
    const L = this.ctx.layout.gifts;
    for (let i = 0; i < L.slots; i++) {
      this.slots.push({ card: new GiftCard(this, L.width), alert: null, phase: 'hold', shownCount: 0, settledAt: 0, settledMarked: false, popAt: -1, avatar: null, gift: null });
    }
    this.ctx.bus.on('giftStreak', ({ u, gift }, at) => this.onStreak(u, gift, at));
    this.ctx.bus.on('twitch', (m, at) => this.onTwitch(m, at));
    this.ctx.boxes.set('GiftAlerts', (out) => {
      for (const s of this.slots) {
        const c = s.card;
        if (s.alert && c.visible) out.push({ part: 'gifts', id: s.alert.payload.groupId, x: c.x, y: c.y, w: c.cardW * c.scaleX, h: c.cardH * c.scaleY });
      }
    });
    this.ctx.busy.set('GiftAlerts', () => this.queue.length > 0 || this.slots.some((s) => s.alert !== null && (s.phase !== 'hold' || !s.settledMarked || this.mediaPending(s))));
    this.ctx.sceneReady('GiftAlerts');
  }

  private onStreak(u: StreakUpdate, g: GiftData, at: number): void {
    if (u.kind === 'ignored') return;
    if (u.kind !== 'start') {
      const a = this.queue.update(u.key, u.count, u.kind === 'settle');
      // A count change of a card on screen is drawn this step; one still queued is part of its queue wait.
      if (a && at > 0 && this.isShown(a)) this.ctx.drawn(at);
      return;
    }
    const payload: Payload = {
      groupId: g.groupId, userId: g.userId, nickname: g.nickname || g.uniqueId, giftName: g.giftName, tier: tierOf(g.diamondCount),
      avatarUrl: g.profilePictureUrl, giftUrl: g.giftPictureUrl, arrivedAt: at, step: this.game.loop.frame,
    };
    const r = this.queue.push(u.key, g.userId, g.giftId, g.diamondCount, u.count, u.settled, payload);
    if (r.kind !== 'queued') {
      this.ctx.checkpoint(`gift:${g.groupId}:${r.kind}`);
      if (r.kind === 'merged' && at > 0 && this.isShown(r.alert)) this.ctx.drawn(at);
    }
    this.ctx.harness.merged = this.queue.merged;
    this.ctx.harness.dropped = this.queue.dropped;
  }

  /**
   * Twitch's paid moments get a card as gifts do: subs, resubs, gifted subs, cheers and raids. The card's size comes
   * from the comparable value (protocol/message.ts: cents → the diamonds a TikTok gift of that worth would be), so a
   * $4.99 sub is carded as a 998-diamond gift would be; a raid, worth nothing in money, is sized by its viewers.
   */
  private onTwitch(m: Message, at: number): void {
    const alert = twitchAlert(m);
    if (alert === null) return;
    const { line, count } = alert;
    const worth = m.kind === 'raid' ? (m.amount?.value ?? 0) * 10 : (m.amount?.usdCents ?? 0) / AMOUNT_USD_CENTS.diamond;
    const u = m.user;
    const payload: Payload = {
      groupId: m.id, userId: u?.id || m.id, nickname: u?.displayName || u?.name || 'Twitch', giftName: m.kind, tier: tierOf(worth), line,
      avatarUrl: u?.picture ?? '', giftUrl: '', arrivedAt: at, step: this.game.loop.frame,
    };
    // Negative gift ids: a Twitch alert never merges with a TikTok gift of the same viewer id.
    const r = this.queue.push(m.id, payload.userId, -1 - TWITCH_ALERTS.indexOf(m.kind), worth, count, true, payload);
    if (r.kind !== 'queued') this.ctx.checkpoint(`gift:${m.id}:${r.kind}`);
  }

  private isShown(a: Alert<Payload>): boolean {
    for (const s of this.slots) if (s.alert === a) return true;
    return false;
  }

  private mediaPending(s: Slot): boolean {
    return (s.avatar !== null && s.avatar.state === 'loading') || (s.gift !== null && s.gift.state === 'loading');
  }

  override update(time: number): void {
    const speed = this.queue.speed();
    const media = this.ctx.media;
    for (const s of this.slots) {
      if (!s.alert) continue;
      const a = s.alert;
      const c = s.card;
      // Whole pixels while it slides: the baked card is then a plain copy, not a filtered draw.
      c.x = Math.round(c.x);
      if (s.avatar) c.setAvatar(media.textureKey(s.avatar));
      if (s.gift) c.setGift(media.textureKey(s.gift));
      if (a.count !== s.shownCount) {
        s.shownCount = a.count;
        c.setCount(a.count);
        s.popAt = time;
      }
      if (s.popAt >= 0) {
        const p = Math.min(1, (time - s.popAt) / POP_MS);
        c.counter.setScale(c.counterScale * (1.4 - 0.4 * backOut(p)));
        if (p >= 1) s.popAt = -1;
      }
      if (a.settled && s.settledAt === 0) s.settledAt = time;
      if (s.phase === 'hold' && a.settled && s.popAt < 0 && !s.settledMarked) {
        s.settledMarked = true;
        this.ctx.checkpoint(`gift:${a.payload.groupId}:settled`);
      }
      if (s.phase === 'hold' && s.settledMarked && time - s.settledAt >= Math.max(900, HOLD_MS / speed)) this.leave(s, speed);
    }
    for (const s of this.slots) {
      if (s.alert) continue;
      const next = this.queue.take();
      if (!next) break;
      this.show(s, next, speed);
    }
  }

  private show(s: Slot, a: Alert<Payload>, speed: number): void {
    const p = a.payload;
    const L = this.ctx.layout.gifts;
    const media = this.ctx.media;
    const i = this.slots.indexOf(s);
    s.alert = a;
    s.phase = 'in';
    s.shownCount = a.count;
    s.settledAt = 0;
    s.settledMarked = false;
    s.popAt = -1;
    s.avatar = media.hold(media.request(p.avatarUrl, 'avatar'));
    s.gift = media.hold(media.request(p.giftUrl, 'gift'));
    const c = s.card;
    c.fill({ nickname: p.nickname, userId: p.userId, giftName: p.giftName, tier: p.tier, others: a.others, count: a.count,
      avatarKey: media.textureKey(s.avatar), giftKey: media.textureKey(s.gift), ...(p.line !== undefined ? { line: p.line } : {}) });
    const slotH = TIER_HEIGHT[3]! + 18;
    const y = L.y + i * slotH + (TIER_HEIGHT[3]! - c.cardH) / 2;
    // The card is on screen (partly transparent) from its first frame, so arrival-to-screen is honest.
    c.setPosition(L.x - 90, y).setAlpha(0.35).setVisible(true).setScale(1);
    c.counter.setScale(c.counterScale);
    if (p.arrivedAt > 0) {
      if (p.step === this.game.loop.frame) this.ctx.drawn(p.arrivedAt);
      else this.ctx.drawnAfterQueue(p.arrivedAt);
    }
    this.tweens.add({
      targets: c, x: L.x, alpha: 1, duration: 300 / speed, ease: 'Back.easeOut',
      onComplete: () => {
        s.phase = 'hold';
        this.ctx.checkpoint(`gift:${p.groupId}:shown`);
      },
    });
  }

  private leave(s: Slot, speed: number): void {
    const a = s.alert!;
    s.phase = 'out';
    this.tweens.add({
      targets: s.card, x: -s.card.cardW - 40, alpha: 0, duration: 320 / speed, ease: 'Cubic.easeIn',
      onComplete: () => {
        s.card.setVisible(false);
        this.queue.release(a);
        this.ctx.media.release(s.avatar);
        this.ctx.media.release(s.gift);
        s.avatar = s.gift = null;
        s.alert = null;
        s.phase = 'hold';
        this.ctx.checkpoint(`gift:${a.payload.groupId}:gone`);
      },
    });
  }
}
