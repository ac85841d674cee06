import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { goalLabel, type GoalView } from '../logic/goal-state.ts';
import { FrameClock, easeShare, fadeToward } from '../logic/motion.ts';
import { cleanText, compactNumber } from '../logic/text.ts';
import type { MediaLease } from '../media/media-cache.ts';
import { COLORS, addPanel, drawPanel, setTextIfChanged, textStyle, type Panel } from '../ui.ts';
import { fitText } from './gift-card.ts';

/** The bar's fill eases to the goal's share with this time constant (ms). */
const EASE_MS = 140;
const FADE_MS = 260;
/** The completion burst: sparkles fly out of the bar's end and fade. */
const BURST_MS = 900;
const SPARKS = 8;

/** Thousands separators for the counts ("1,000"). */
const grouped = (n: number): string => (n >= 100_000 ? compactNumber(n) : Math.round(n).toLocaleString('en-US'));

/**
 * The LIVE goal bar: the gift's picture, the goal's title, `progress / target` and a bar that fills as gifts come in;
 * at the target it turns gold with "Goal reached!" and a burst of sparkles. A goal the streamer unpins fades out.
 */
export class Goal extends Phaser.Scene {
  private box!: Phaser.GameObjects.Container;
  private panel!: Panel;
  private icon!: Phaser.GameObjects.Image;
  private title!: Phaser.GameObjects.Text;
  private label!: Phaser.GameObjects.Text;
  private fill!: Phaser.GameObjects.Image;
  private readonly sparks: Phaser.GameObjects.Image[] = [];
  private goal: GoalView | null = null;
  private lease: MediaLease | null = null;
  private shown = 0;
  private alpha = 0;
  private want = 0;
  private burstAt = -1;
  private readonly clock = new FrameClock();
  private announced = '';
  private W = 0;
  private H = 0;
  private barX = 0;
  private barY = 0;
  private barW = 0;
  private barH = 0;
  private iconPx = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Goal', active: true });
  }

  create(): void {
    const R = this.ctx.layout.regions.goal;
    const W = (this.W = R.w);
    const H = (this.H = R.h - 8);
    this.iconPx = H - 26;
    this.barX = 14 + this.iconPx + 14;
    this.barW = W - this.barX - 16;
    this.barH = Math.round(H * 0.26);
    this.barY = H - this.barH - 12;
    this.makeTextures();
    this.panel = addPanel(this);
    this.icon = this.add.image(14 + this.iconPx / 2, H / 2, 'fallback-gift');
    const size = Math.round(H * 0.3);
    this.title = this.add.text(this.barX - 4, (this.barY - 2) / 2 + 1, '', textStyle(size)).setOrigin(0, 0.5);
    this.label = this.add.text(W - 12, (this.barY - 2) / 2 + 1, '', textStyle(size, '#ffd84d')).setOrigin(1, 0.5);
    const track = this.add.image(this.barX, this.barY, 'goal-track').setOrigin(0, 0);
    this.fill = this.add.image(this.barX, this.barY, 'goal-fill').setOrigin(0, 0);
    this.box = this.add.container(R.x, R.y, [this.panel, this.icon, this.title, this.label, track, this.fill]);
    for (let i = 0; i < SPARKS; i++) {
      const s = this.add.image(0, 0, 'sparkle').setVisible(false);
      this.sparks.push(s);
      this.box.add(s);
    }
    this.box.setAlpha(0).setVisible(false);
    this.ctx.bus.on('goal', (g) => this.onGoal(g));
    this.ctx.bus.on('streamEnd', () => {
      this.want = 0;
    });
    this.ctx.busy.set('Goal', () => this.box.visible && (this.alpha !== this.want || this.burstAt >= 0 || this.shown !== (this.goal?.fraction ?? 0)));
    this.ctx.boxes.set('Goal', (out) => {
      if (!this.box.visible) return;
      const s = this.box.scaleX;
      out.push({ part: 'goal', id: `goal#${this.goal?.id ?? ''}`, x: this.box.x, y: this.box.y, w: W * s, h: (H + 8) * s });
    });
    this.ctx.sceneReady('Goal');
  }

  private makeTextures(): void {
    const w = this.barW;
    const h = this.barH;
    const draw = (key: string, paint: (g: CanvasRenderingContext2D) => void): void => {
      if (this.textures.exists(key)) return;
      const t = this.textures.createCanvas(key, w, h);
      if (!t) return;
      const g = t.context;
      g.beginPath();
      g.roundRect(0, 0, w, h, h / 2);
      paint(g);
      t.refresh();
    };
    draw('goal-track', (g) => {
      g.fillStyle = 'rgba(0,0,0,0.5)';
      g.fill();
    });
    draw('goal-fill', (g) => {
      const grad = g.createLinearGradient(0, 0, w, 0);
      grad.addColorStop(0, '#fe2c55');
      grad.addColorStop(0.6, '#ff5a8a');
      grad.addColorStop(1, '#ffc531');
      g.fillStyle = grad;
      g.fill();
    });
    draw('goal-fill-done', (g) => {
      const grad = g.createLinearGradient(0, 0, 0, h);
      grad.addColorStop(0, '#fff1a8');
      grad.addColorStop(0.5, '#ffc531');
      grad.addColorStop(1, '#f0a400');
      g.fillStyle = grad;
      g.fill();
    });
  }

  private onGoal(g: GoalView): void {
    const prev = this.goal;
    const fresh = !prev || prev.id !== g.id;
    this.goal = g;
    if (g.unpinned) {
      this.want = 0;
      return;
    }
    this.want = 1;
    if (fresh) {
      this.shown = 0;
      this.burstAt = -1;
      this.announced = '';
      if (this.lease) this.ctx.media.release(this.lease);
      const icon = g.subGoals[0]?.giftIcon ?? '';
      this.lease = icon ? this.ctx.media.hold(this.ctx.media.request(icon, 'gift')) : null;
      this.box.setVisible(true);
    }
    if (g.complete) {
      setTextIfChanged(this.label, 'Reached!');
      if (!prev?.complete || fresh) this.burstAt = this.time.now;
    } else {
      setTextIfChanged(this.label, goalLabel(g, grouped));
    }
    // The title gives way to the label, which is always whole.
    fitText(this.title, cleanText(g.description) || 'LIVE goal', this.W - this.barX - 16 - this.label.width - 24);
    this.fill.setTexture(g.complete ? 'goal-fill-done' : 'goal-fill');
    drawPanel(this.panel, this.W, this.H, 22, g.complete ? { alpha: 0.85, edge: COLORS.gold, edgeAlpha: 0.95 } : { alpha: 0.8, edgeAlpha: 0.22 });
  }

  override update(time: number): void {
    const dt = this.clock.dt(time);
    if (!this.box.visible) return;
    const step = dt / FADE_MS;
    this.alpha = fadeToward(this.alpha, this.want, step);
    const R = this.ctx.layout.regions.goal;
    const s = 0.94 + 0.06 * this.alpha;
    this.box.setAlpha(this.alpha).setScale(s).setPosition(R.x + (R.w * (1 - s)) / 2, R.y + (R.h * (1 - s)) / 2);
    if (this.alpha === 0 && this.want === 0) {
      this.box.setVisible(false);
      if (this.lease) this.ctx.media.release(this.lease);
      this.lease = null;
      this.ctx.checkpoint(`goal:${this.goal?.id ?? ''}:hidden`);
      this.goal = null;
      return;
    }
    const g = this.goal;
    if (!g) return;
    if (this.lease) {
      const key = this.ctx.media.textureKey(this.lease);
      if (this.icon.texture.key !== key) this.icon.setTexture(key);
    }
    this.icon.setDisplaySize(this.iconPx, this.iconPx);
    const k = easeShare(dt, EASE_MS);
    if (this.shown !== g.fraction) {
      const next = this.shown + (g.fraction - this.shown) * k;
      this.shown = Math.abs(g.fraction - next) < 0.002 ? g.fraction : next;
    }
    // A started goal always shows its round cap, however little is done.
    const w = this.shown > 0 ? Math.max(this.barH, Math.round(this.barW * this.shown)) : 0;
    this.fill.setCrop(0, 0, w, this.barH).setVisible(w > 0);
    this.animateBurst(time);
    this.announce(g);
  }

  private animateBurst(time: number): void {
    if (this.burstAt < 0) return;
    const t = (time - this.burstAt) / BURST_MS;
    const cx = this.barX + this.barW * this.shown;
    const cy = this.barY + this.barH / 2;
    // Sparkles stay inside the panel: they fly at most to its edges.
    const reach = Math.min(this.H * 0.45, this.barW * 0.25);
    this.sparks.forEach((sp, i) => {
      if (t >= 1) {
        sp.setVisible(false);
        return;
      }
      const a = (i / SPARKS) * Math.PI * 2 + 0.4;
      const d = reach * Math.sin((Math.min(1, t * 1.3) * Math.PI) / 2);
      const size = this.barH * 1.8 * (1 - t * 0.6);
      const x = Math.min(this.W - size / 2, Math.max(size / 2, cx + Math.cos(a) * d));
      const y = Math.min(this.H - size / 2, Math.max(size / 2, cy + Math.sin(a) * d * 0.6));
      sp.setVisible(true).setPosition(x, y).setDisplaySize(size, size).setAlpha(1 - t);
    });
    if (t >= 1) this.burstAt = -1;
  }

  /** Checkpoints for tests: the bar settled at this progress (`goal:<id>:<progress>/<target>`), or complete. */
  private announce(g: GoalView): void {
    if (this.alpha !== this.want || this.shown !== g.fraction || this.burstAt >= 0) return;
    const c = `goal:${g.id}:${g.complete ? 'complete' : g.subGoals.map((s) => `${s.progress}/${s.target}`).join(',')}`;
    if (c === this.announced) return;
    this.announced = c;
    this.ctx.checkpoint(c);
  }
}
