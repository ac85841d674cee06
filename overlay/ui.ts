import Phaser from 'phaser';

/** CSS font stack: Latin, CJK and colour emoji from the system fonts the overlay is made for. */
export const FONT = '"DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Color Emoji", sans-serif';

/** The overlay's colours. */
export const COLORS = {
  panel: 0x12101c,
  panelEdge: 0xffffff,
  accent: 0xfe2c55,
  cyan: 0x25f4ee,
  gold: 0xffc531,
  purple: 0xa25cff,
  text: '#ffffff',
  dim: '#d9d6e6',
  nameColors: ['#25f4ee', '#ffc531', '#ff8fab', '#9cff8f', '#c4a4ff', '#ffb36b'],
};

const styleCache = new Map<string, Phaser.Types.GameObjects.Text.TextStyle>();

/**
 * A text style with a dark outline and a hard drop shadow, readable on any stream background. Styles are cached:
 * the same arguments give the same object. No shadow blur: a blurred shadow makes every re-render of a counter a
 * CPU Gaussian blur, and the outline already keeps text readable.
 */
export function textStyle(size: number, color = COLORS.text, bold = true, extra?: Phaser.Types.GameObjects.Text.TextStyle): Phaser.Types.GameObjects.Text.TextStyle {
  const key = extra ? '' : `${size}|${color}|${bold ? 1 : 0}`;
  const hit = key ? styleCache.get(key) : undefined;
  if (hit) return hit;
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: bold ? 'bold' : 'normal',
    color,
    stroke: '#0b0913',
    strokeThickness: Math.max(3, Math.round(size / 7)),
    shadow: { offsetX: 0, offsetY: 3, color: 'rgba(0,0,0,0.45)', blur: 0, stroke: true, fill: false },
    padding: { x: 4, y: 4 },
    ...extra,
  };
  if (key) styleCache.set(key, style);
  return style;
}

/** Sets a Text's string only when it differs (each real change re-renders its canvas and re-uploads its texture). */
export function setTextIfChanged(t: Phaser.GameObjects.Text, s: string): boolean {
  if (t.text === s) return false;
  t.setText(s);
  return true;
}

let measureCtx: CanvasRenderingContext2D | null = null;

/** Width (px, unscaled, no outline) of `s` in Text `t`'s font, from one shared canvas: `t` is not re-rendered. */
export function textWidth(t: Phaser.GameObjects.Text, s: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return 0;
  const st = t.style;
  measureCtx.font = `${st.fontStyle} ${st.fontSize} ${st.fontFamily}`;
  return measureCtx.measureText(s).width;
}

/** Options of a panel: fill and edge colours. */
export interface PanelOpts {
  color?: number;
  alpha?: number;
  edge?: number;
  edgeAlpha?: number;
}

/** Room around a panel's body in its texture, for the drop shadow. */
const PAD = 10;
let panelSeq = 0;
const rgba = (n: number, a: number): string => `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;

/**
 * A rounded translucent panel: an Image over its own small canvas texture, redrawn only when its size or colours
 * change. Plain textured quads work the same in the Canvas and WebGL renderers (no Graphics re-tessellated each
 * frame, no nine-slice, which the Canvas renderer lacks).
 */
export class Panel extends Phaser.GameObjects.Image {
  private tex: Phaser.Textures.CanvasTexture;
  private sig = '';

  constructor(scene: Phaser.Scene) {
    const key = `panel-${++panelSeq}`;
    const tex = scene.textures.createCanvas(key, 2 * PAD + 8, 2 * PAD + 8)!;
    super(scene, 0, 0, key);
    this.tex = tex;
    this.setOrigin(0, 0);
  }

  /** Shapes the panel as w x h with corner radius r; its position is the body's top-left corner. */
  draw(w: number, h: number, r: number, o: PanelOpts = {}): void {
    w = Math.max(8, Math.round(w));
    h = Math.max(8, Math.round(h));
    r = Math.max(2, Math.min(Math.round(r), w / 2, h / 2));
    const color = o.color ?? COLORS.panel;
    const alpha = o.alpha ?? 0.78;
    const edge = o.edge ?? COLORS.panelEdge;
    const edgeAlpha = o.edgeAlpha ?? 0.16;
    const sig = `${w}|${h}|${r}|${color}|${alpha}|${edge}|${edgeAlpha}`;
    if (sig === this.sig) return;
    this.sig = sig;
    const W = w + 2 * PAD;
    const H = h + 2 * PAD;
    const tex = this.tex;
    if (tex.width !== W || tex.height !== H) tex.setSize(W, H);
    const g = tex.context;
    g.clearRect(0, 0, W, H);
    g.fillStyle = 'rgba(0,0,0,0.28)';
    g.beginPath();
    g.roundRect(PAD + 2, PAD + 6, w, h, r);
    g.fill();
    g.fillStyle = rgba(color, alpha);
    g.beginPath();
    g.roundRect(PAD, PAD, w, h, r);
    g.fill();
    g.strokeStyle = rgba(edge, edgeAlpha);
    g.lineWidth = 2;
    g.beginPath();
    g.roundRect(PAD + 1, PAD + 1, w - 2, h - 2, Math.max(1, r - 1));
    g.stroke();
    tex.refresh();
    this.setTexture(tex.key);
    this.setDisplayOrigin(PAD, PAD);
  }

  override destroy(fromScene?: boolean): void {
    const key = this.tex.key;
    super.destroy(fromScene);
    if (this.scene?.textures.exists(key)) this.scene.textures.remove(key);
  }
}

/** Adds an (empty until drawn) panel to a scene. */
export function addPanel(scene: Phaser.Scene): Panel {
  return scene.add.existing(new Panel(scene));
}

/** Shapes panel `p` as a w x h rounded panel with a soft drop shadow and a thin edge (see Panel.draw). */
export function drawPanel(p: Panel, w: number, h: number, r: number, opts: PanelOpts = {}): void {
  p.draw(w, h, r, opts);
}

/**
 * A copy of a white texture in `color` (made once, then cached): tinting by texture works in both renderers, and
 * the Canvas renderer cannot tint.
 */
export function tinted(textures: Phaser.Textures.TextureManager, base: string, color: number): string {
  const key = `${base}#${color.toString(16).padStart(6, '0')}`;
  if (textures.exists(key)) return key;
  const src = textures.get(base).getSourceImage() as HTMLCanvasElement | HTMLImageElement;
  const c = document.createElement('canvas');
  c.width = src.width;
  c.height = src.height;
  const g = c.getContext('2d');
  if (g) {
    g.drawImage(src, 0, 0);
    g.globalCompositeOperation = 'source-in';
    g.fillStyle = rgba(color, 1);
    g.fillRect(0, 0, c.width, c.height);
  }
  textures.addCanvas(key, c);
  return key;
}

/** A stable colour for a user's name. */
export function nameColor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return COLORS.nameColors[h % COLORS.nameColors.length]!;
}
