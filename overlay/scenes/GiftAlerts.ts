import Phaser from 'phaser';
import type { GiftData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { AlertQueue, type Alert } from '../logic/alert-queue.ts';
import type { StreakUpdate } from '../logic/streaks.ts';
import { GiftCard, TIER_HEIGHT, tierOf } from './gift-card.ts';

interface Payload {
  groupId: string;
  userId: string;
  nickname: string;
  giftName: string;
  avatarId: string;
  giftId: string;
  tier: number;
  arrivedAt: number;
  queuedAt: number;
}

type Phase = 'in' | 'hold' | 'out';

interface Slot {
  card: GiftCard;
  alert: Alert<Payload> | null;
  phase: Phase;
  shownCount: number;
  settledAt: number;
  settledMarked: boolean;
  pop: Phaser.Tweens.Tween | null;
  spin: Phaser.Tweens.Tween | null;
}

/** How long a settled alert stays (ms, at speed 1); media wait at most this long before a placeholder is used. */
const HOLD_MS = 3200;
const MEDIA_WAIT_MS = 2500;

/** Gift alerts: a queue of cards with a live streak counter, bigger cards for bigger gifts, merging under backpressure. */
export class GiftAlerts extends Phaser.Scene {
  private readonly queue = new AlertQueue<Payload>({
    mergeAt: 3,
    max: 8,
    onDrop: (a) => {
      this.ctx.media.release(a.payload.avatarId);
      this.ctx.media.release(a.payload.giftId);
      this.ctx.checkpoint(`gift:${a.payload.groupId}:dropped`);
    },
  });
  private slots: Slot[] = [];

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'GiftAlerts', active: true });
  }

  create(): void {
    const L = this.ctx.layout.gifts;
    for (let i = 0; i < L.slots; i++) {
      this.slots.push({ card: new GiftCard(this, L.width), alert: null, phase: 'hold', shownCount: 0, settledAt: 0, settledMarked: false, pop: null, spin: null });
    }
    this.ctx.bus.on('giftStreak', ({ u, gift }, at) => this.onStreak(u, gift, at));
    this.ctx.busy.set('GiftAlerts', () => this.queue.length > 0 || this.slots.some((s) => s.alert !== null && (s.phase !== 'hold' || !s.settledMarked)));
    this.ctx.sceneReady('GiftAlerts');
  }

  private onStreak(u: StreakUpdate, g: GiftData, at: number): void {
    if (u.kind === 'ignored') return;
    if (u.kind !== 'start') {
      this.queue.update(u.key, u.count, u.kind === 'settle');
      return;
    }
    const media = this.ctx.media;
    const payload: Payload = {
      groupId: g.groupId, userId: g.userId, nickname: g.nickname || g.uniqueId, giftName: g.giftName, tier: tierOf(g.diamondCount),
      avatarId: media.request(g.profilePictureUrl, 'avatar'), giftId: media.request(g.giftPictureUrl, 'gift'), arrivedAt: at, queuedAt: this.time.now,
    };
    const r = this.queue.push(u.key, g.userId, g.giftId, g.diamondCount, u.count, u.settled, payload);
    if (r.kind === 'queued') {
      media.acquire(payload.avatarId);
      media.acquire(payload.giftId);
    } else this.ctx.checkpoint(`gift:${g.groupId}:${r.kind}`);
    this.ctx.harness.merged = this.queue.merged;
    this.ctx.harness.dropped = this.queue.dropped;
  }

  override update(time: number): void {
    const speed = this.queue.speed();
    for (const s of this.slots) {
      if (!s.alert) continue;
      const a = s.alert;
      if (a.count !== s.shownCount) {
        s.shownCount = a.count;
        s.card.setCount(a.count);
        s.pop?.stop();
        s.pop = this.tweens.add({ targets: s.card.counter, scale: { from: 1.4, to: 1 }, duration: 180, ease: 'Back.easeOut', onComplete: () => { s.pop = null; } });
      }
      if (a.settled && s.settledAt === 0) s.settledAt = time;
      if (s.phase === 'hold' && a.settled && !s.pop && !s.settledMarked) {
        s.settledMarked = true;
        this.ctx.checkpoint(`gift:${a.payload.groupId}:settled`);
      }
      if (s.phase === 'hold' && s.settledMarked && time - s.settledAt >= Math.max(900, HOLD_MS / speed)) this.leave(s, speed);
    }
    for (const s of this.slots) {
      if (s.alert) continue;
      const next = this.queue.take((a) => this.mediaReady(a, time));
      if (!next) break;
      this.show(s, next, speed);
    }
  }

  private mediaReady(a: Alert<Payload>, time: number): boolean {
    const p = a.payload;
    return (this.ctx.media.settled(p.avatarId) && this.ctx.media.settled(p.giftId)) || time - p.queuedAt >= MEDIA_WAIT_MS;
  }

  private show(s: Slot, a: Alert<Payload>, speed: number): void {
    const p = a.payload;
    const L = this.ctx.layout.gifts;
    const i = this.slots.indexOf(s);
    s.alert = a;
    s.phase = 'in';
    s.shownCount = a.count;
    s.settledAt = 0;
    s.settledMarked = false;
    const c = s.card;
    c.fill({ nickname: p.nickname, userId: p.userId, giftName: p.giftName, tier: p.tier, others: a.others, count: a.count,
      avatarKey: this.ctx.media.textureKey(p.avatarId, 'avatar'), giftKey: this.ctx.media.textureKey(p.giftId, 'gift') });
    const slotH = TIER_HEIGHT[3]! + 18;
    const y = L.y + i * slotH + (TIER_HEIGHT[3]! - c.cardH) / 2;
    c.setPosition(-c.cardW - 40, y).setAlpha(1).setVisible(true).setScale(1);
    if (p.arrivedAt > 0) this.ctx.latency.push(Math.max(0, performance.now() - p.arrivedAt));
    const halo = c.halo;
    if (halo) s.spin = this.tweens.add({ targets: halo, angle: 360, duration: 6000, repeat: -1 });
    this.tweens.add({
      targets: c, x: L.x, duration: 420 / speed, ease: 'Back.easeOut',
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
        s.spin?.stop();
        s.spin = null;
        this.queue.release(a);
        this.ctx.media.release(a.payload.avatarId);
        this.ctx.media.release(a.payload.giftId);
        s.alert = null;
        s.phase = 'hold';
        this.ctx.checkpoint(`gift:${a.payload.groupId}:gone`);
      },
    });
  }
}
