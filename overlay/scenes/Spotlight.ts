import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { cleanText, truncate } from '../logic/text.ts';
import { addPanel, COLORS, drawPanel, type Panel, textStyle } from '../ui.ts';

const TITLES: Record<string, { title: string; color: number }> = {
  'Gift Alert': { title: 'Thank you for the gift!', color: COLORS.gold },
  'Follow Alert': { title: 'New follower!', color: COLORS.accent },
  'Like Alert': { title: 'Thanks for the likes!', color: COLORS.accent },
  'Sub Alert': { title: 'New subscriber!', color: COLORS.gold },
  'Share Alert': { title: 'Thanks for sharing!', color: COLORS.cyan },
  'Join Alert': { title: 'Welcome!', color: COLORS.cyan },
};

const BANNER_H = 150;

/** Big centred banners for TikFinity config actions ("Follow Alert", "Gift Alert"...); a short queue, newest kept. */
export class Spotlight extends Phaser.Scene {
  private queue: { name: string; who: string }[] = [];
  private box!: Phaser.GameObjects.Container;
  private panel!: Panel;
  private title!: Phaser.GameObjects.Text;
  private who!: Phaser.GameObjects.Text;
  private showing = false;
  private boxW = 0;
  private seq = 0;
  private current = '';

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Spotlight', active: true });
  }

  create(): void {
    this.panel = addPanel(this);
    this.title = this.add.text(0, -28, '', textStyle(46)).setOrigin(0.5);
    this.who = this.add.text(0, 34, '', textStyle(36, '#ffd84d')).setOrigin(0.5);
    this.box = this.add.container(0, 0, [this.panel, this.title, this.who]).setVisible(false);
    this.ctx.bus.on('action', (a) => {
      if (!(a.name in TITLES)) return;
      if (this.queue.length >= 3) this.queue.shift();
      this.queue.push({ name: a.name, who: truncate(cleanText(a.user?.nickname) || '', 22) });
      this.ctx.sounds.play('alert');
    });
    this.ctx.busy.set('Spotlight', () => this.showing || this.queue.length > 0);
    this.ctx.boxes.set('Spotlight', (out) => {
      if (!this.box.visible) return;
      const s = this.box.scaleX;
      out.push({ part: 'spotlight', id: `${this.current}#${this.seq}`, x: this.box.x - (this.boxW * s) / 2, y: this.box.y - (BANNER_H * s) / 2, w: this.boxW * s, h: BANNER_H * s });
    });
    this.ctx.sceneReady('Spotlight');
  }

  override update(): void {
    if (this.showing || !this.queue.length) return;
    const a = this.queue.shift()!;
    const t = TITLES[a.name]!;
    const L = this.ctx.layout.spotlight;
    this.showing = true;
    this.title.setText(t.title);
    this.who.setText(a.who);
    const w = (this.boxW = Math.max(this.title.width, this.who.width) + 100);
    this.current = a.name;
    this.seq++;
    drawPanel(this.panel, w, BANNER_H, 40, { edge: t.color, edgeAlpha: 0.95, alpha: 0.86 });
    this.panel.setPosition(-w / 2, -BANNER_H / 2);
    // The banner keeps to its band: a wide one is drawn smaller, and no step of its animation (Back.easeOut
    // overshoots by ~10%, the exit grows by 5%) leaves the band.
    const R = this.ctx.layout.regions.spotlight;
    const fit = Math.min(1, R.w / (w * 1.1), R.h / (BANNER_H * 1.06));
    this.box.setPosition(L.x, L.y).setScale(0.6 * fit).setAlpha(0).setVisible(true);
    this.tweens.chain({
      targets: this.box,
      tweens: [
        { scale: fit, alpha: 1, duration: 300, ease: 'Back.easeOut' },
        { scale: 1.05 * fit, alpha: 0, duration: 280, delay: 1800, ease: 'Cubic.easeIn' },
      ],
      onComplete: () => {
        this.box.setVisible(false);
        this.showing = false;
      },
    });
  }
}
