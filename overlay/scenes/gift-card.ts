import Phaser from 'phaser';
import { COLORS, Panel, drawPanel, nameColor, setTextIfChanged, textStyle, textWidth, tinted } from '../ui.ts';
import { compactNumber, graphemes, truncate } from '../logic/text.ts';
import { Baked } from './baked.ts';

/** Width (px) `t` would have showing `s` (outline and padding included), measured without re-rendering `t`. */
function measure(t: Phaser.GameObjects.Text, s: string): number {
  return (textWidth(t, s) + t.style.strokeThickness + 8) * t.scaleX;
}

/**
 * Sets `t` to `s`, cut with an ellipsis until it is at most `maxW` px wide. Measures with a shared canvas and sets
 * the text once: every `setText` re-renders the Text's canvas and re-uploads its texture.
 */
export function fitText(t: Phaser.GameObjects.Text, s: string, maxW: number): void {
  if (measure(t, s) <= maxW) {
    setTextIfChanged(t, s);
    return;
  }
  const g = graphemes(s);
  let lo = 1;
  let hi = g.length - 1;
  // Binary search on the number of graphemes kept.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(t, g.slice(0, mid).join('').trimEnd() + '…') <= maxW) lo = mid;
    else hi = mid - 1;
  }
  setTextIfChanged(t, g.slice(0, Math.max(1, lo)).join('').trimEnd() + '…');
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
  /** What the card says under the name instead of `sent <gift>`: a Twitch sub, cheer or raid (`Twitch resub`). */
  line?: string;
}

/** Card height by tier: bigger gifts get bigger alerts. */
export const TIER_HEIGHT = [112, 132, 160, 190];
const TIER_EDGE = [COLORS.panelEdge, COLORS.cyan, COLORS.purple, COLORS.gold];
/** Texts are rendered once at the big tiers' size and scaled down for small tiers: a font-size change re-measures the font. */
const NAME_PX = 34;
const GIFT_PX = 27;
const COUNT_PX = 66;

/** Which size an alert gets, from the diamonds of one gift. */
export function tierOf(diamondsEach: number): number {
  if (diamondsEach >= 1000) return 3;
  if (diamondsEach >= 100) return 2;
  if (diamondsEach >= 5) return 1;
  return 0;
}

/**
 * One pooled gift alert: panel, avatar, name, gift picture and the live `x n` counter. Everything but the counter is
 * baked into one picture per alert (baked.ts: again when a picture loads); the counter, which changes and pops on
 * every tap of a streak, is drawn on its own over it.
 */
export class GiftCard extends Phaser.GameObjects.Container {
  private readonly baked: Baked;
  private readonly panel: Panel;
  private readonly glow: Phaser.GameObjects.Image;
  private readonly avatar: Phaser.GameObjects.Image;
  private readonly ring: Phaser.GameObjects.Image;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly giftText: Phaser.GameObjects.Text;
  private readonly giftImg: Phaser.GameObjects.Image;
  private readonly countText: Phaser.GameObjects.Text;
  private tier = 0;
  private shown = -1;
  private avSize = 0;
  private giftSize = 0;
  /** The sizes the avatar and gift pictures were last drawn at (a new tier re-sizes them). */
  private avShown = -1;
  private giftShown = -1;
  /** Card width for the current content. */
  cardW = 0;
  /** The counter's resting scale (small tiers draw it smaller). */
  counterScale = 1;
  /** The counter's scale for this tier, before a long count is fitted to the card. */
  private baseCounterScale = 1;

  constructor(scene: Phaser.Scene, private readonly maxW: number) {
    super(scene, 0, 0);
    // Off the display list (constructed, never added): drawn only into the baked picture.
    this.panel = new Panel(scene);
    this.glow = new Phaser.GameObjects.Image(scene, 0, 0, 'glow');
    this.avatar = new Phaser.GameObjects.Image(scene, 0, 0, 'fallback-avatar');
    this.ring = new Phaser.GameObjects.Image(scene, 0, 0, 'ring');
    this.nameText = new Phaser.GameObjects.Text(scene, 0, 0, '', textStyle(NAME_PX));
    this.giftText = new Phaser.GameObjects.Text(scene, 0, 0, '', textStyle(GIFT_PX, COLORS.dim, false));
    this.giftImg = new Phaser.GameObjects.Image(scene, 0, 0, 'fallback-gift');
    this.baked = new Baked(scene, [this.panel, this.glow, this.avatar, this.ring, this.nameText, this.giftText, this.giftImg]);
    this.countText = scene.add.text(0, 0, '', textStyle(COUNT_PX, '#ffd84d'));
    this.countText.setOrigin(0, 0.5);
    this.add([this.baked.image, this.countText]);
    scene.add.existing(this);
    this.setVisible(false);
  }

  /** Fills the card for a new alert. */
  fill(d: GiftCardData): void {
    const t = (this.tier = d.tier);
    const H = TIER_HEIGHT[t]!;
    const av = (this.avSize = H - 24);
    this.setAvatar(d.avatarKey, false);
    this.avatar.setPosition(12 + av / 2, H / 2);
    this.ring.setTexture(tinted(this.scene.textures, 'ring', TIER_EDGE[t]!)).setPosition(12 + av / 2, H / 2).setDisplaySize(av + 8, av + 8);
    const big = t >= 2;
    this.nameText.setScale(big ? 1 : 30 / NAME_PX).setColor(nameColor(d.userId));
    const name = truncate(d.nickname || 'someone', 18) + (d.others > 0 ? ` +${d.others}` : '');
    const gs = (this.giftSize = Math.min(H * 0.95, 150));
    const textMax = this.maxW - 150 - gs - (av + 40);
    fitText(this.nameText, name, textMax);
    const nameSize = big ? 34 : 30;
    this.nameText.setPosition(av + 26, H / 2 - nameSize - 6);
    this.giftText.setScale(big ? 1 : 24 / GIFT_PX);
    fitText(this.giftText, d.line !== undefined ? truncate(d.line, 34) : `sent ${truncate(d.giftName || 'a gift', 24)}`, textMax);
    this.giftText.setPosition(av + 26, H / 2 + 2);
    const textW = Math.max(this.nameText.displayWidth, this.giftText.displayWidth);
    const gx = av + 34 + textW + gs / 2;
    this.setGift(d.giftKey, false);
    this.giftImg.setPosition(gx, H / 2);
    this.glow.setTexture(tinted(this.scene.textures, 'glow', TIER_EDGE[t]!)).setVisible(big).setPosition(gx, H / 2).setDisplaySize(gs * 1.7, gs * 1.7).setAlpha(0.5);
    this.baseCounterScale = this.counterScale = big ? 1 : 54 / COUNT_PX;
    this.countText.setColor(t === 3 ? '#ffe066' : '#ffd84d').setScale(this.counterScale).setPosition(gx + gs / 2 + 6, H / 2 + 2);
    this.cardW = Math.min(this.maxW, gx + gs / 2 + 150);
    this.shown = -1;
    this.setCount(d.count);
    drawPanel(this.panel, this.cardW, H, H / 2, { edge: TIER_EDGE[t]!, edgeAlpha: t === 0 ? 0.16 : 0.7, alpha: big ? 0.85 : 0.75 });
    this.baked.bake();
  }

  /** Swaps in the avatar once it has loaded (the card never waits for it); `fill` bakes, a later swap bakes again. */
  setAvatar(key: string, bake = true): void {
    if (this.avatar.texture.key === key && this.avShown === this.avSize) return;
    this.avShown = this.avSize;
    this.avatar.setTexture(key).setDisplaySize(this.avSize, this.avSize);
    if (bake) this.baked.bake();
  }

  /** Swaps in the gift picture once it has loaded. */
  setGift(key: string, bake = true): void {
    if (this.giftImg.texture.key === key && this.giftShown === this.giftSize) return;
    this.giftShown = this.giftSize;
    this.giftImg.setTexture(key).setDisplaySize(this.giftSize, this.giftSize);
    if (bake) this.baked.bake();
  }

  /** Updates the `x n` counter (re-renders only when the shown string changes). */
  setCount(n: number): void {
    if (n === this.shown) return;
    this.shown = n;
    setTextIfChanged(this.countText, `x${compactNumber(n)}`);
    // A long count ("x2.1K" on a wide card) is drawn smaller rather than past the card's edge.
    const room = this.cardW - this.countText.x - 16;
    this.counterScale = Math.min(this.baseCounterScale, room / Math.max(1, this.countText.width));
  }

  /** The counter object, for the pop animation. */
  get counter(): Phaser.GameObjects.Text {
    return this.countText;
  }

  /** Height of this card. */
  get cardH(): number {
    return TIER_HEIGHT[this.tier]!;
  }
}
