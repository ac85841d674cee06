import Phaser from 'phaser';
import type { LikeData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { createRng } from '../logic/rng.ts';
import { compactNumber } from '../logic/text.ts';
import { COLORS, drawPanel, textStyle } from '../ui.ts';

const MAX_HEARTS = 48;
const HEART_TINTS = [0xfe2c55, 0xff5a8a, 0xff8fab, 0xffc531, 0x25f4ee, 0xc4a4ff];

/** Likes: a total counter and floating hearts in proportion to each batch, capped, from a pool. */
export class Likes extends Phaser.Scene {
  private readonly rng;
  private pool: Phaser.GameObjects.Image[] = [];
  private live = 0;
  private total = 0;
  private counter!: Phaser.GameObjects.Text;
  private panel!: Phaser.GameObjects.Graphics;
  private icon!: Phaser.GameObjects.Image;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Likes', active: true });
    this.rng = createRng(ctx.params.seed ^ 0x11ce);
  }

  create(): void {
    const L = this.ctx.layout.likes;
    this.panel = this.add.graphics();
    this.icon = this.add.image(0, 0, 'heart').setTint(COLORS.accent).setDisplaySize(40, 40);
    this.counter = this.add.text(0, 0, '0', textStyle(34)).setOrigin(0, 0.5);
    this.layoutCounter(L.x, L.y);
    for (let i = 0; i < MAX_HEARTS; i++) this.pool.push(this.add.image(0, 0, 'heart').setVisible(false));
    this.ctx.bus.on('like', (l) => this.onLike(l));
    this.ctx.busy.set('Likes', () => this.live > 0);
    this.ctx.sceneReady('Likes');
  }

  private layoutCounter(right: number, y: number): void {
    const w = this.counter.width + 90;
    this.panel.setPosition(right - w, y);
    drawPanel(this.panel, w, 64, 32, { alpha: 0.7 });
    this.icon.setPosition(right - w + 36, y + 33);
    this.counter.setPosition(right - w + 64, y + 32);
  }

  private onLike(l: LikeData): void {
    const n = Math.max(0, Math.min(Number.isFinite(l.likeCount) ? l.likeCount : 0, 1000));
    this.total = Math.max(this.total + n, Number.isFinite(l.totalLikeCount) ? l.totalLikeCount : 0);
    const before = this.counter.text;
    this.counter.setText(compactNumber(this.total));
    if (this.counter.text.length !== before.length) this.layoutCounter(this.ctx.layout.likes.x, this.ctx.layout.likes.y);
    // One heart per like up to 5 per batch; never more than MAX_HEARTS alive.
    const spawn = Math.min(Math.ceil(n / 3), 5, MAX_HEARTS - this.live);
    for (let i = 0; i < spawn; i++) this.spawn(i);
  }

  private spawn(i: number): void {
    const h = this.pool.find((p) => !p.visible);
    if (!h) return;
    const L = this.ctx.layout.hearts;
    const r = this.rng;
    this.live++;
    const size = r.range(46, 78);
    const x0 = L.x + r.range(-40, 40);
    h.setTexture('heart').setVisible(true).setPosition(x0, L.y).setDisplaySize(size, size).setAlpha(0)
      .setTint(HEART_TINTS[r.int(0, HEART_TINTS.length - 1)]!).setAngle(r.range(-15, 15));
    const dur = r.range(1900, 2600);
    const sway = r.range(40, 90) * (r.next() < 0.5 ? -1 : 1);
    this.tweens.add({ targets: h, alpha: { from: 0, to: 1 }, duration: 200, delay: i * 90 });
    this.tweens.add({ targets: h, x: x0 + sway, duration: dur / 2, delay: i * 90, yoyo: true, ease: 'Sine.easeInOut' });
    this.tweens.add({
      targets: h, y: L.y - L.rise * r.range(0.75, 1), duration: dur, delay: i * 90, ease: 'Sine.easeOut',
      onComplete: () => {
        h.setVisible(false);
        this.live--;
      },
    });
    this.tweens.add({ targets: h, alpha: 0, duration: 500, delay: i * 90 + dur - 500 });
  }
}
