import Phaser from 'phaser';

/** What a baked picture is drawn from: pictures and texts, in drawing order. */
export type BakePart = Phaser.GameObjects.Image | Phaser.GameObjects.Text;

let seq = 0;

/**
 * One picture drawn from several parts (a card's panel, pictures and texts) that change rarely: the parts stay off the
 * display list and are drawn once into a canvas texture of their own, again only when one of them changes (`bake`).
 * The renderer then draws one picture where it drew four to eight overlapping, scaled ones every frame: on the Canvas
 * renderer (a machine without a GPU) that was most of the frame in a gift storm (bench/overlay.ts's CPU rows).
 */
export class Baked {
  /** The picture to put on the display list (inside the card's container). */
  readonly image: Phaser.GameObjects.Image;
  private readonly tex: Phaser.Textures.CanvasTexture;

  constructor(scene: Phaser.Scene, private readonly parts: readonly BakePart[]) {
    const key = `baked-${++seq}`;
    this.tex = scene.textures.createCanvas(key, 8, 8)!;
    this.image = new Phaser.GameObjects.Image(scene, 0, 0, key).setOrigin(0, 0);
  }

  /**
   * Draws the visible parts as the renderer would (position, origin, display size, alpha) and puts the picture at
   * their top-left corner. Each call redraws the canvas and uploads it once.
   */
  bake(): void {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const p of this.parts) {
      if (!p.visible) continue;
      const x = p.x - p.displayOriginX * p.scaleX;
      const y = p.y - p.displayOriginY * p.scaleY;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + p.displayWidth);
      y1 = Math.max(y1, y + p.displayHeight);
    }
    if (!Number.isFinite(x0)) return;
    x0 = Math.floor(x0);
    y0 = Math.floor(y0);
    const w = Math.max(1, Math.ceil(x1 - x0));
    const h = Math.max(1, Math.ceil(y1 - y0));
    const tex = this.tex;
    if (tex.width !== w || tex.height !== h) tex.setSize(w, h);
    const g = tex.context;
    g.clearRect(0, 0, w, h);
    g.imageSmoothingEnabled = true;
    g.imageSmoothingQuality = 'high';
    for (const p of this.parts) {
      if (!p.visible || p.alpha <= 0) continue;
      const f = p.frame;
      g.globalAlpha = p.alpha;
      g.drawImage(f.source.image as CanvasImageSource, f.cutX, f.cutY, f.cutWidth, f.cutHeight,
        p.x - p.displayOriginX * p.scaleX - x0, p.y - p.displayOriginY * p.scaleY - y0, p.displayWidth, p.displayHeight);
    }
    g.globalAlpha = 1;
    tex.refresh();
    // A resized canvas texture has a new base frame: set the texture again to take it.
    this.image.setTexture(tex.key).setPosition(x0, y0).setSize(w, h);
  }

  /** Removes the texture (with the card that owns it). */
  destroy(): void {
    this.image.destroy();
    this.tex.destroy();
  }
}
