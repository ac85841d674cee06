import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { FALLBACK } from '../media/media-cache.ts';
import { FaceSource } from '../media/face-source.ts';
import { FONT } from '../ui.ts';
import { admitToasty, type ToastyTicket } from '../logic/toasty-queue.ts';

interface Req extends ToastyTicket {
  ready: boolean;
  canvas: HTMLCanvasElement | null;
}

const MAX_WAITING = 3;

/** "Toasty!": the sender's face slides in at the right edge of its corner with the voice, then slides back out. */
export class Toasty extends Phaser.Scene {
  private faces!: FaceSource;
  private readonly waiting: Req[] = [];
  private img!: Phaser.GameObjects.Image;
  private label!: Phaser.GameObjects.Image;
  private face!: Phaser.Textures.CanvasTexture;
  private showing = false;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Toasty', active: true });
  }

  create(): void {
    this.faces = new FaceSource(this.ctx.base, 256, this.ctx.log);
    // The face and the label are drawn already tilted into their textures: a rotated bitmap is the slow path of
    // the Canvas renderer, and the tilt never changes.
    this.face = this.textures.createCanvas('toasty-face', 8, 8)!;
    this.img = this.add.image(0, 0, 'toasty-face').setVisible(false);
    this.label = this.add.image(0, 0, this.labelTexture()).setVisible(false);
    this.ctx.bus.on('toasty', (u) => {
      // One face per user in the queue, a short queue: a storm of big gifts must not become a minute of Toasty, and
      // the biggest gifts keep their place (see admitToasty).
      const req: Req = { userId: u.userId, diamonds: u.diamonds, ready: false, canvas: null };
      const dropped = admitToasty(this.waiting, req, MAX_WAITING);
      if (dropped) this.ctx.log(`toasty: ${dropped.userId} (${dropped.diamonds} diamonds) not shown: one per user, three waiting at most`);
      if (dropped === req) return;
      this.faces.face(u.userId, this.ctx.mediaUrl(u.avatar)).then((c) => {
        req.canvas = c;
        req.ready = true;
      }, () => {
        req.ready = true;
      });
    });
    this.ctx.busy.set('Toasty', () => this.showing);
    this.ctx.boxes.set('Toasty', (out) => {
      const f = this.img;
      if (f.visible) out.push({ part: 'toasty', id: 'face', x: f.x - f.width / 2, y: f.y - f.height / 2, w: f.width, h: f.height });
      const l = this.label;
      if (l.visible && l.alpha > 0) out.push({ part: 'toasty', id: 'label', x: l.x - l.displayWidth / 2, y: l.y - l.displayHeight / 2, w: l.displayWidth, h: l.displayHeight });
    });
    this.ctx.sceneReady('Toasty');
  }

  override update(): void {
    if (this.showing || !this.waiting.length || !this.waiting[0]!.ready) return;
    const r = this.waiting.shift()!;
    // An avatar that cannot be loaded (gone from the CDN, no proxy): the big gift still gets its Toasty, with the
    // placeholder face.
    if (!r.canvas) this.ctx.log(`toasty: no picture for ${r.userId}, placeholder used`);
    const canvas = r.canvas ?? (this.textures.get(FALLBACK.avatar).getSourceImage() as HTMLCanvasElement);
    const played = this.ctx.harness.toasties;
    if (played.length >= 100) played.shift();
    played.push({ userId: r.userId, face: r.canvas ? 'avatar' : 'placeholder' });
    this.play(r.userId, canvas);
  }

  private labelTexture(): string {
    const key = 'toasty-label';
    const font = `bold 64px ${FONT}`;
    const c = document.createElement('canvas');
    c.width = 340;
    c.height = 170;
    const g = c.getContext('2d');
    if (g) {
      g.translate(c.width / 2, c.height / 2);
      g.rotate((-12 * Math.PI) / 180);
      g.font = font;
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.lineJoin = 'round';
      g.lineWidth = 10;
      g.strokeStyle = '#0b0913';
      g.fillStyle = 'rgba(0,0,0,0.45)';
      g.fillText('Toasty!', 0, 4);
      g.strokeText('Toasty!', 0, 0);
      g.fillStyle = '#ffe066';
      g.fillText('Toasty!', 0, 0);
    }
    this.textures.addCanvas(key, c);
    return key;
  }

  /** Draws the face, tilted, into the one reused face texture. */
  private drawFace(canvas: HTMLCanvasElement, size: number): void {
    // The cut is round (soft mask), so turning it keeps it inside its own square: no larger texture to fill.
    const side = Math.ceil(size) + 2;
    const t = this.face;
    if (t.width !== side || t.height !== side) t.setSize(side, side);
    const g = t.context;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, side, side);
    g.translate(side / 2, side / 2);
    g.rotate((-28 * Math.PI) / 180);
    g.drawImage(canvas, -size / 2, -size / 2, size, size);
    g.setTransform(1, 0, 0, 1, 0, 0);
    t.refresh();
  }

  private play(userId: string, canvas: HTMLCanvasElement): void {
    const { w } = this.ctx.layout;
    const T = this.ctx.layout.toasty;
    const size = T.size;
    this.drawFace(canvas, size);
    this.showing = true;
    const inX = T.x;
    const inY = T.y;
    // In and out sideways, so the face never crosses the banner band below its corner.
    const outX = w + size * 0.6;
    this.img.setTexture('toasty-face').setPosition(outX, inY).setVisible(true);
    this.label.setPosition(T.labelX, T.labelY).setAlpha(0).setScale(0.5 * T.labelScale).setVisible(true);
    this.ctx.sounds.play('Toasty');
    this.tweens.chain({
      targets: this.img,
      tweens: [
        {
          x: inX, y: inY, duration: 260, ease: 'Cubic.easeOut',
          onComplete: () => {
            this.ctx.checkpoint(`toasty:${userId}:in`);
            this.tweens.add({ targets: this.label, alpha: 1, scale: T.labelScale, duration: 160, ease: 'Back.easeOut' });
          },
        },
        { x: outX, duration: 300, delay: 900, ease: 'Cubic.easeIn' },
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
