import Phaser from 'phaser';
import { COLORS, drawPanel, nameColor, textStyle } from '../ui.ts';
import { compactNumber, graphemes, truncate } from '../logic/text.ts';

/** Sets `t` to `s`, cut with an ellipsis until it is at most `maxW` px wide. */
export function fitText(t: Phaser.GameObjects.Text, s: string, maxW: number): void {
  t.setText(s);
  let g = graphemes(s);
  while (t.width > maxW && g.length > 2) {
    g = g.slice(0, -1);
    t.setText(g.join('').trimEnd() + '…');
  }
}

/** What a gift card shows. */
export interface GiftCardData {
  nickname: string;
  userId: string;
  giftName: string;
  avatarKey: string;
  giftKey: string;
  tier: number;
  others: number;
  count: number;
}

/** Card height by tier: bigger gifts get bigger alerts. */
export const TIER_HEIGHT = [112, 132, 160, 190];
const TIER_EDGE = [COLORS.panelEdge, COLORS.cyan, COLORS.purple, COLORS.gold];

/** Which size an alert gets, from the diamonds of one gift. */
export function tierOf(diamondsEach: number): number {
  if (diamondsEach >= 1000) return 3;
  if (diamondsEach >= 100) return 2;
  if (diamondsEach >= 5) return 1;
  return 0;
}

/** One pooled gift alert: panel, avatar, name, gift picture and the live `x n` counter. */
export class GiftCard extends Phaser.GameObjects.Container {
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly glow: Phaser.GameObjects.Image;
  private readonly avatar: Phaser.GameObjects.Image;
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly giftText: Phaser.GameObjects.Text;
  private readonly giftImg: Phaser.GameObjects.Image;
  private readonly countText: Phaser.GameObjects.Text;
  private tier = 0;
  /** Card width for the current content. */
  cardW = 0;

  constructor(scene: Phaser.Scene, private readonly maxW: number) {
    super(scene, 0, 0);
    this.panel = scene.add.graphics();
    this.glow = scene.add.image(0, 0, 'glow');
    this.avatar = scene.add.image(0, 0, 'fallback-avatar');
    this.ring = scene.add.graphics();
    this.nameText = scene.add.text(0, 0, '', textStyle(30));
    this.giftText = scene.add.text(0, 0, '', textStyle(24, COLORS.dim, false));
    this.giftImg = scene.add.image(0, 0, 'fallback-gift');
    this.countText = scene.add.text(0, 0, '', textStyle(54, '#ffd84d'));
    this.countText.setOrigin(0, 0.5);
    this.add([this.panel, this.glow, this.avatar, this.ring, this.nameText, this.giftText, this.giftImg, this.countText]);
    scene.add.existing(this);
    this.setVisible(false);
  }

  /** Fills the card for a new alert. */
  fill(d: GiftCardData): void {
    const t = (this.tier = d.tier);
    const H = TIER_HEIGHT[t]!;
    const av = H - 24;
    this.avatar.setTexture(d.avatarKey).setDisplaySize(av, av).setPosition(12 + av / 2, H / 2);
    this.ring.clear().lineStyle(t >= 2 ? 5 : 3, TIER_EDGE[t]!, 1).strokeCircle(12 + av / 2, H / 2, av / 2 + 1);
    const nameSize = t >= 2 ? 34 : 30;
    this.nameText.setStyle(textStyle(nameSize, nameColor(d.userId)));
    const name = truncate(d.nickname || 'someone', 18) + (d.others > 0 ? ` +${d.others}` : '');
    const gs = H * (t >= 2 ? 1.05 : 0.95);
    const textMax = this.maxW - 150 - gs - (av + 40);
    fitText(this.nameText, name, textMax);
    this.nameText.setPosition(av + 26, H / 2 - nameSize - 6);
    this.giftText.setStyle(textStyle(t >= 2 ? 27 : 24, COLORS.dim, false));
    fitText(this.giftText, `sent ${truncate(d.giftName || 'a gift', 24)}`, textMax);
    this.giftText.setPosition(av + 26, H / 2 + 2);
    const textW = Math.max(this.nameText.width, this.giftText.width);
    const gx = av + 34 + textW + gs / 2;
    this.giftImg.setTexture(d.giftKey).setDisplaySize(gs, gs).setPosition(gx, H / 2);
    this.glow.setVisible(t >= 2).setPosition(gx, H / 2).setDisplaySize(gs * 2, gs * 2).setTint(TIER_EDGE[t]!).setAlpha(0.55);
    this.countText.setStyle(textStyle(t >= 2 ? 66 : 54, t === 3 ? '#ffe066' : '#ffd84d')).setPosition(gx + gs / 2 + 6, H / 2 + 2);
    this.setCount(d.count);
    this.cardW = Math.min(this.maxW, gx + gs / 2 + 150);
    drawPanel(this.panel, this.cardW, H, H / 2, { edge: TIER_EDGE[t]!, edgeAlpha: t === 0 ? 0.16 : 0.7, alpha: t >= 2 ? 0.85 : 0.75 });
    this.glow.angle = 0;
  }

  /** Updates the `x n` counter. */
  setCount(n: number): void {
    this.countText.setText(`x${compactNumber(n)}`);
  }

  /** The counter object, for the pop tween. */
  get counter(): Phaser.GameObjects.Text {
    return this.countText;
  }

  /** The glow behind big gifts, for its steady spin. */
  get halo(): Phaser.GameObjects.Image | null {
    return this.tier >= 2 ? this.glow : null;
  }

  /** Height of this card. */
  get cardH(): number {
    return TIER_HEIGHT[this.tier]!;
  }
}
