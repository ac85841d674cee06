import Phaser from 'phaser';
import { FONT, Panel, drawPanel, nameColor, setTextIfChanged, textStyle, textWidth } from '../ui.ts';
import { graphemes, truncate } from '../logic/text.ts';
import { EMOTE_GAP, findEmoteGaps, withEmoteGaps } from '../logic/emote-text.ts';
import { Baked } from './baked.ts';
import type { MediaLease } from '../media/media-cache.ts';

/** Emote pictures one row can show (more are left out of the text too). */
export const ROW_EMOTES = 4;
const EMOTE_PX = 36;

/** Where a line comes from, shown as a small mark after the name when the overlay reads more than one platform. */
export type RowPlatform = 'tiktok' | 'twitch';

/** The platforms' own brand colours, so the mark reads at a glance. */
const MARK: Record<RowPlatform, { label: string; bg: string }> = {
  tiktok: { label: 'TikTok', bg: '#fe2c55' },
  twitch: { label: 'Twitch', bg: '#9146ff' },
};

/** What a line may add beyond its text: its platform's mark, and a name colour the sender chose (Twitch's `color`). */
export interface RowExtras {
  platform?: RowPlatform;
  color?: string;
}

/** One emote of a message: where it sits in the comment and its picture's texture key now. */
export interface RowEmote {
  placeInComment: number;
  key: string;
}

/**
 * One pooled chat line: avatar, nickname and the comment (two lines at most, cut with an ellipsis) with its emotes.
 *
 * The row's parts (panel, avatar, texts, emotes) are not on the display list: they are baked into one picture of the
 * row's own (baked.ts; again when a picture loads), which the row draws. In a gift storm the chat scrolls and rows grow
 * and shrink on every frame; drawing each row's four to eight overlapping parts, scaled, every frame was the biggest
 * part of the Canvas renderer's frame. A new part of a row goes into the Baked's list, in drawing order.
 */
export class ChatRow extends Phaser.GameObjects.Container {
  private readonly baked: Baked;
  private readonly panel: Panel;
  private readonly avatar: Phaser.GameObjects.Image;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly markText: Phaser.GameObjects.Text;
  private readonly bodyText: Phaser.GameObjects.Text;
  private readonly emoteImgs: Phaser.GameObjects.Image[] = [];
  /** Height of the row as filled. */
  rowH = 0;
  /** Width of the row's card as filled. */
  cardW = 0;
  /** Fading out (more lines than the feed keeps). */
  leaving = false;
  /** Message id, for the checkpoint once the row has settled ('' once announced). */
  msgId = '';
  /** Names the row's box in the layout check. */
  boxId = '';
  /** The avatar picture held while the row shows it. */
  lease: MediaLease | null = null;
  /** The emote pictures held while the row shows them, in the order of `emoteImgs`. */
  emoteLeases: MediaLease[] = [];

  constructor(scene: Phaser.Scene, private readonly rowW: number) {
    super(scene, 0, 0);
    // Made off the display list (constructed, never added): they are only ever drawn into the row's texture.
    this.panel = new Panel(scene);
    this.avatar = new Phaser.GameObjects.Image(scene, 0, 0, 'fallback-avatar');
    this.nameText = new Phaser.GameObjects.Text(scene, 0, 0, '', textStyle(26));
    this.markText = new Phaser.GameObjects.Text(scene, 0, 0, '', { fontFamily: FONT, fontSize: '17px', fontStyle: 'bold', color: '#ffffff', padding: { x: 7, y: 3 } }).setVisible(false);
    this.bodyText = new Phaser.GameObjects.Text(scene, 0, 0, '', textStyle(29, '#ffffff', false, { wordWrap: { width: rowW - 110, useAdvancedWrap: true } }));
    for (let i = 0; i < ROW_EMOTES; i++) this.emoteImgs.push(new Phaser.GameObjects.Image(scene, 0, 0, 'fallback-gift').setVisible(false));
    this.baked = new Baked(scene, [this.panel, this.avatar, this.nameText, this.markText, this.bodyText, ...this.emoteImgs]);
    this.add(this.baked.image);
    scene.add.existing(this);
    this.setVisible(false);
  }

  /**
   * Fills the row for a message: at most two Text re-renders, no font re-measuring. Emotes get a gap in the text
   * and a picture over it; those cut off with the text are not shown. Returns the emotes shown, in the order of
   * their pictures (by place in the comment); the caller holds their pictures.
   */
  fill<E extends RowEmote>(userId: string, nickname: string, comment: string, avatarKey: string, emotes: readonly E[] = [], extras: RowExtras = {}): E[] {
    this.nameText.setColor(extras.color && /^#[0-9a-f]{6}$/i.test(extras.color) ? extras.color : nameColor(userId));
    setTextIfChanged(this.nameText, truncate(nickname || 'viewer', 24));
    this.nameText.setPosition(92, 12);
    const mark = extras.platform ? MARK[extras.platform] : null;
    this.markText.setVisible(mark !== null);
    if (mark) {
      setTextIfChanged(this.markText, mark.label);
      this.markText.setBackgroundColor(mark.bg);
      this.markText.setPosition(92 + this.nameText.width + 4, 12 + Math.round((this.nameText.height - this.markText.height) / 2));
    }
    const nameW = this.nameText.width + (mark ? this.markText.width + 8 : 0);
    const gapped = withEmoteGaps(truncate(comment, 160), emotes, ROW_EMOTES);
    const lines = this.bodyText.getWrappedText(gapped.text);
    let text = lines.length > 2 ? '' : lines.join('\n');
    if (lines.length > 2) {
      const g = graphemes(lines[1]!.trimEnd());
      text = `${lines[0]}\n${g.slice(0, Math.max(1, g.length - 2)).join('')}…`;
    }
    setTextIfChanged(this.bodyText, text);
    this.bodyText.setPosition(92, 12 + this.nameText.height - 4);
    const shown = this.placeEmotes(text, gapped.order);
    this.rowH = Math.max(84, 12 + this.nameText.height - 4 + this.bodyText.height + 10);
    const w = (this.cardW = Math.min(this.rowW, Math.max(nameW, this.bodyText.width) + 112));
    drawPanel(this.panel, w, this.rowH, 26, { alpha: 0.62 });
    this.avatar.setPosition(46, Math.min(this.rowH / 2, 46));
    this.avatar.setTexture(avatarKey).setDisplaySize(60, 60);
    this.baked.bake();
    return shown;
  }

  /** Puts an emote picture over each gap left in the drawn text. */
  private placeEmotes<E extends RowEmote>(text: string, order: E[]): E[] {
    const t = this.bodyText;
    const lines = text.split('\n');
    const gaps = text.includes(EMOTE_GAP) ? findEmoteGaps(lines) : [];
    const pad = { top: t.padding.top ?? 0, bottom: t.padding.bottom ?? 0, left: t.padding.left ?? 0 };
    const lineH = (t.height - pad.top - pad.bottom) / Math.max(1, lines.length);
    const x0 = t.x + pad.left + t.style.strokeThickness / 2;
    const gapW = textWidth(t, EMOTE_GAP);
    const shown: E[] = [];
    this.emoteImgs.forEach((img, i) => {
      const gap = gaps[i];
      const e = order[i];
      if (!gap || !e) {
        img.setVisible(false);
        return;
      }
      shown.push(e);
      img.setTexture(e.key).setDisplaySize(EMOTE_PX, EMOTE_PX).setVisible(true)
        .setPosition(Math.round(x0 + textWidth(t, gap.before) + gapW / 2), Math.round(t.y + pad.top + lineH * (gap.line + 0.5)));
    });
    return shown;
  }

  /** Shows the avatar picture (swapped in when it has loaded; the row is redrawn only then). */
  setAvatar(key: string): void {
    if (this.avatar.texture.key === key) return;
    this.avatar.setTexture(key).setDisplaySize(60, 60);
    this.baked.bake();
  }

  /** Swaps in emote `i`'s picture once it has loaded. */
  setEmote(i: number, key: string): void {
    const img = this.emoteImgs[i];
    if (!img || !img.visible || img.texture.key === key) return;
    img.setTexture(key).setDisplaySize(EMOTE_PX, EMOTE_PX);
    this.baked.bake();
  }
}
