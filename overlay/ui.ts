import type Phaser from 'phaser';

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

/** A text style with a dark outline and soft shadow, readable on any stream background. */
export function textStyle(size: number, color = COLORS.text, bold = true, extra: Phaser.Types.GameObjects.Text.TextStyle = {}): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: bold ? 'bold' : 'normal',
    color,
    stroke: '#0b0913',
    strokeThickness: Math.max(3, Math.round(size / 7)),
    shadow: { offsetX: 0, offsetY: 3, color: 'rgba(0,0,0,0.55)', blur: 6, stroke: true, fill: true },
    padding: { x: 4, y: 4 },
    ...extra,
  };
}

/** Draws a rounded translucent panel with a soft drop shadow and a thin edge into `g` (cleared first). */
export function drawPanel(g: Phaser.GameObjects.Graphics, w: number, h: number, r: number, opts: { color?: number; alpha?: number; edge?: number; edgeAlpha?: number } = {}): void {
  g.clear();
  g.fillStyle(0x000000, 0.28);
  g.fillRoundedRect(2, 6, w, h, r);
  g.fillStyle(opts.color ?? COLORS.panel, opts.alpha ?? 0.78);
  g.fillRoundedRect(0, 0, w, h, r);
  g.lineStyle(2, opts.edge ?? COLORS.panelEdge, opts.edgeAlpha ?? 0.16);
  g.strokeRoundedRect(0, 0, w, h, r);
}

/** A stable colour for a user's name. */
export function nameColor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return COLORS.nameColors[h % COLORS.nameColors.length]!;
}
