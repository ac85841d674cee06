import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { FaceSource } from '../media/face-source.ts';
import { textStyle } from '../ui.ts';

interface Req {
  userId: string;
  ready: boolean;
  canvas: HTMLCanvasElement | null;
}

const MAX_WAITING = 3;

/** "Toasty!": the sender's face slides in from the bottom-right corner with the voice, then slides back out. */
export class Toasty extends Phaser.Scene {
  private faces!: FaceSource;
  private readonly waiting: Req[] = [];
  private img!: Phaser.GameObjects.Image;
  private label!: Phaser.GameObjects.Text;
  private showing = false;
  private texSeq = 0;
  private texKey = '';

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Toasty', active: true });
  }

  create(): void {
    this.faces = new FaceSource(this.ctx.base, 256, this.ctx.log);
    this.img = this.add.image(0, 0, 'fallback-avatar').setVisible(false);
    this.label = this.add.text(0, 0, 'Toasty!', textStyle(64, '#ffe066')).setOrigin(0.5).setVisible(false).setAngle(-12);
    this.ctx.bus.on('toasty', (u) => {
      // One face per user in the queue, a short queue: a storm of big gifts must not become a minute of Toasty.
      if (this.waiting.some((r) => r.userId === u.userId) || this.waiting.length >= MAX_WAITING) return;
      const req: Req = { userId: u.userId, ready: false, canvas: null };
      this.waiting.push(req);
      this.faces.face(u.userId, u.avatar).then((c) => {
        req.canvas = c;
        req.ready = true;
      }, () => {
        req.ready = true;
      });
    });
    this.ctx.busy.set('Toasty', () => this.showing);
    this.ctx.sceneReady('Toasty');
  }

  override update(): void {
    if (this.showing || !this.waiting.length || !this.waiting[0]!.ready) return;
    const r = this.waiting.shift()!;
    if (r.canvas) this.play(r.userId, r.canvas);
  }

  private play(userId: string, canvas: HTMLCanvasElement): void {
    const { w, h } = this.ctx.layout;
    const size = this.ctx.layout.toasty.size;
    if (this.texKey) this.textures.remove(this.texKey);
    this.texKey = `toasty-${++this.texSeq}`;
    this.textures.addCanvas(this.texKey, canvas);
    this.showing = true;
    const inX = w - size * 0.42;
    const inY = h - size * 0.38;
    this.img.setTexture(this.texKey).setDisplaySize(size, size).setPosition(w + size * 0.6, h + size * 0.6).setAngle(-28).setVisible(true);
    this.label.setPosition(inX - size * 0.55, inY - size * 0.55).setAlpha(0).setScale(0.5).setVisible(true);
    this.ctx.sounds.play('Toasty');
    this.tweens.chain({
      targets: this.img,
      tweens: [
        {
          x: inX, y: inY, duration: 260, ease: 'Cubic.easeOut',
          onComplete: () => {
            this.ctx.checkpoint(`toasty:${userId}:in`);
            this.tweens.add({ targets: this.label, alpha: 1, scale: 1, duration: 160, ease: 'Back.easeOut' });
          },
        },
        { x: w + size * 0.6, y: h + size * 0.6, duration: 300, delay: 900, ease: 'Cubic.easeIn' },
      ],
      onComplete: () => {
        this.img.setVisible(false);
        this.label.setVisible(false);
        this.showing = false;
        this.ctx.checkpoint(`toasty:${userId}:out`);
      },
    });
    this.tweens.add({ targets: this.label, alpha: 0, duration: 200, delay: 260 + 900 });
  }
}
