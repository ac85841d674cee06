import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { cleanText, truncate } from '../logic/text.ts';
import { addPanel, COLORS, drawPanel, type Panel, textStyle } from '../ui.ts';

interface Toast {
  icon: string;
  text: string;
  color: number;
  checkpoint: string;
}

const MAX_QUEUE = 6;
const SHOW_MS = 2200;

/** Short toasts for joins (merged), follows, shares and subscriptions; one at a time, a bounded queue. */
export class Toasts extends Phaser.Scene {
  private readonly queue: Toast[] = [];
  private box!: Phaser.GameObjects.Container;
  private panel!: Panel;
  private label!: Phaser.GameObjects.Text;
  private showing = false;
  private seq = 0;
  /** Size of the toast now showing (at scale 1). */
  private boxW = 0;
  private boxH = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Toasts', active: true });
  }

  create(): void {
    this.panel = addPanel(this);
    this.label = this.add.text(0, 0, '', textStyle(32)).setOrigin(0.5, 0.5);
    this.box = this.add.container(0, 0, [this.panel, this.label]).setVisible(false);
    const name = (d: { nickname: string; uniqueId: string }): string => truncate(cleanText(d.nickname) || cleanText(d.uniqueId) || 'someone', 22);
    const bus = this.ctx.bus;
    bus.on('joinBurst', (b) => this.enqueue({ icon: '👋', text: truncate(b.text, 48), color: COLORS.panelEdge, checkpoint: `join-burst:${b.count}` }));
    bus.on('follow', (f) => this.enqueue({ icon: '➕', text: `${name(f)} followed`, color: COLORS.accent, checkpoint: `follow:${f.userId}` }));
    bus.on('share', (f) => this.enqueue({ icon: '↪', text: `${name(f)} shared the LIVE`, color: COLORS.cyan, checkpoint: `share:${f.userId}` }));
    bus.on('subscribe', (f) => this.enqueue({ icon: '⭐', text: `${name(f)} subscribed`, color: COLORS.gold, checkpoint: `subscribe:${f.userId}` }));
    this.ctx.busy.set('Toasts', () => this.showing || this.queue.length > 0);
    this.ctx.boxes.set('Toasts', (out) => {
      if (!this.box.visible) return;
      const s = this.box.scaleX;
      out.push({ part: 'toasts', id: `toast${this.seq}`, x: this.box.x - (this.boxW * s) / 2, y: this.box.y - (this.boxH * s) / 2, w: this.boxW * s, h: this.boxH * s });
    });
    this.ctx.sceneReady('Toasts');
  }

  private enqueue(t: Toast): void {
    // Under a flood, keep the newest: a backlog of stale toasts is worse than missing a few.
    if (this.queue.length >= MAX_QUEUE) {
      const old = this.queue.shift()!;
      this.ctx.checkpoint(`${old.checkpoint}:skipped`);
    }
    this.queue.push(t);
  }

  override update(): void {
    if (this.showing || this.queue.length === 0) return;
    const t = this.queue.shift()!;
    const L = this.ctx.layout.toasts;
    this.showing = true;
    this.seq++;
    this.label.setText(`${t.icon}  ${t.text}`);
    const w = (this.boxW = this.label.width + 64);
    const hgt = (this.boxH = 70);
    drawPanel(this.panel, w, hgt, hgt / 2, { edge: t.color, edgeAlpha: 0.8, alpha: 0.8 });
    this.panel.setPosition(-w / 2, -hgt / 2);
    this.label.setPosition(0, 0);
    // A long toast is drawn smaller rather than over its neighbours (Back.easeOut overshoots its scale by ~10%).
    const fit = Math.min(1, this.ctx.layout.regions.toasts.w / (w * 1.1));
    const fast = this.queue.length > 2 ? 0.5 : 1;
    this.box.setPosition(L.x, L.y + 30).setAlpha(0).setScale(0.9 * fit).setVisible(true);
    this.tweens.chain({
      targets: this.box,
      tweens: [
        { y: L.y, alpha: 1, scale: fit, duration: 260, ease: 'Back.easeOut', onComplete: () => this.ctx.checkpoint(t.checkpoint) },
        { alpha: 0, y: L.y - 24, duration: 260, delay: SHOW_MS * fast, ease: 'Cubic.easeIn' },
      ],
      onComplete: () => {
        this.box.setVisible(false);
        this.showing = false;
      },
    });
  }
}
