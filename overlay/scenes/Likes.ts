import Phaser from 'phaser';
import type { LikeData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { createRng } from '../logic/rng.ts';
import { compactNumber } from '../logic/text.ts';
import { COLORS, addPanel, drawPanel, setTextIfChanged, textStyle, tinted, type Panel } from '../ui.ts';

// Each heart is a scaled draw every frame: a storm of likes must not become a fill-rate problem.
const MAX_HEARTS = 32;
const HEART_TINTS = [0xfe2c55, 0xff5a8a, 0xff8fab, 0xffc531, 0x25f4ee, 0xc4a4ff];

/** One pooled heart's flight, animated by hand each frame (no tween objects to allocate). */
interface Heart {
  img: Phaser.GameObjects.Image;
  live: boolean;
  start: number;
  dur: number;
  x0: number;
  sway: number;
  rise: number;
}

/** Sine.easeOut / Sine.easeInOut. */
const sineOut = (t: number): number => Math.sin((t * Math.PI) / 2);
const sineInOut = (t: number): number => -0.5 * (Math.cos(Math.PI * t) - 1);

/** Likes: a total counter (redrawn at most once per frame) and floating hearts in proportion to each batch, capped, from a pool. */
export class Likes extends Phaser.Scene {
  private readonly rng;
  private readonly hearts: Heart[] = [];
  private live = 0;
  private total = 0;
  private dirty = false;
  private counter!: Phaser.GameObjects.Text;
  private panel!: Panel;
  private icon!: Phaser.GameObjects.Image;
  private panelW = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Likes', active: true });
    this.rng = createRng(ctx.params.seed ^ 0x11ce);
  }

  create(): void {
    const L = this.ctx.layout.likes;
    this.panel = addPanel(this);
    this.icon = this.add.image(0, 0, tinted(this.textures, 'heart', COLORS.accent)).setDisplaySize(40, 40);
    this.counter = this.add.text(0, 0, '0', textStyle(34)).setOrigin(0, 0.5);
    this.layoutCounter(L.x, L.y);
    for (let i = 0; i < MAX_HEARTS; i++) {
      this.hearts.push({ img: this.add.image(0, 0, 'heart').setVisible(false), live: false, start: 0, dur: 0, x0: 0, sway: 0, rise: 0 });
    }
    this.ctx.bus.on('like', (l, at) => this.onLike(l, at));
    this.ctx.busy.set('Likes', () => this.live > 0 || this.dirty);
    this.ctx.boxes.set('Likes', (out) => {
      out.push({ part: 'likes', id: 'counter', x: this.panel.x, y: this.panel.y, w: this.panelW, h: 64 });
      this.hearts.forEach((h, i) => {
        const img = h.img;
        if (h.live && img.visible) out.push({ part: 'hearts', id: String(i), x: img.x - img.displayWidth / 2, y: img.y - img.displayHeight / 2, w: img.displayWidth, h: img.displayHeight });
      });
    });
    this.ctx.sceneReady('Likes');
  }

  private layoutCounter(right: number, y: number): void {
    const w = (this.panelW = this.counter.width + 90);
    this.panel.setPosition(right - w, y);
    drawPanel(this.panel, w, 64, 32, { alpha: 0.7 });
    this.icon.setPosition(right - w + 36, y + 33);
    this.counter.setPosition(right - w + 64, y + 32);
  }

  private onLike(l: LikeData, at: number): void {
    const n = Math.max(0, Math.min(Number.isFinite(l.likeCount) ? l.likeCount : 0, 1000));
    this.total = Math.max(this.total + n, Number.isFinite(l.totalLikeCount) ? l.totalLikeCount : 0);
    this.dirty = true;
    if (at > 0) this.ctx.drawn(at);
    // One heart per like up to 5 per batch; never more than MAX_HEARTS alive.
    const spawn = Math.min(Math.ceil(n / 3), 5, MAX_HEARTS - this.live);
    for (let i = 0; i < spawn; i++) this.spawn(i);
  }

  private spawn(i: number): void {
    let h: Heart | undefined;
    for (const x of this.hearts) if (!x.live) { h = x; break; }
    if (!h) return;
    const L = this.ctx.layout.hearts;
    const r = this.rng;
    this.live++;
    const size = r.range(46, 78);
    h.live = true;
    // Start and sway within the hearts' own column (spread: how far a heart's centre may stray either way).
    h.x0 = L.x + r.range(-0.35, 0.35) * L.spread;
    h.img.setTexture(tinted(this.textures, 'heart', HEART_TINTS[r.int(0, HEART_TINTS.length - 1)]!))
      .setPosition(h.x0, L.y).setDisplaySize(size, size).setAlpha(0);
    // No rotation: a rotated bitmap is Skia's slow path, and the sway already reads as motion.
    h.dur = r.range(1900, 2600);
    h.sway = r.range(0.3, 0.65) * L.spread * (r.next() < 0.5 ? -1 : 1);
    h.rise = L.rise * r.range(0.75, 1);
    // The first heart of a batch starts now (drawn this frame); the others follow 90 ms apart.
    h.start = this.time.now + i * 90;
  }

  override update(time: number): void {
    if (this.dirty) {
      this.dirty = false;
      if (setTextIfChanged(this.counter, compactNumber(this.total))) this.layoutCounter(this.ctx.layout.likes.x, this.ctx.layout.likes.y);
    }
    if (this.live === 0) return;
    const y0 = this.ctx.layout.hearts.y;
    for (const h of this.hearts) {
      if (!h.live) continue;
      const t = time - h.start;
      if (t < 0) continue;
      if (t >= h.dur) {
        h.live = false;
        h.img.setVisible(false);
        this.live--;
        continue;
      }
      const p = t / h.dur;
      const half = h.dur / 2;
      const sp = t < half ? t / half : 2 - t / half;
      const alpha = t < 200 ? t / 200 : t > h.dur - 500 ? (h.dur - t) / 500 : 1;
      h.img.setVisible(true).setPosition(h.x0 + h.sway * sineInOut(sp), y0 - h.rise * sineOut(p)).setAlpha(Math.max(0.05, alpha));
    }
  }
}
