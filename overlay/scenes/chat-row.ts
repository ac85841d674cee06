import Phaser from 'phaser';
import { addPanel, drawPanel, nameColor, setTextIfChanged, textStyle, type Panel } from '../ui.ts';
import { graphemes, truncate } from '../logic/text.ts';
import type { MediaLease } from '../media/media-cache.ts';

/** One pooled chat line: avatar, nickname and the comment (two lines at most, cut with an ellipsis). */
export class ChatRow extends Phaser.GameObjects.Container {
  private readonly panel: Panel;
  private readonly avatar: Phaser.GameObjects.Image;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly bodyText: Phaser.GameObjects.Text;
  /** Height of the row as filled. */
  rowH = 0;
  /** Where the feed wants this row (it eases there each frame). */
  targetY = 0;
  /** Fading out (scrolled off the top). */
  leaving = false;
  /** Message id, for the checkpoint once the row has settled ('' once announced). */
  msgId = '';
  /** The avatar picture held while the row shows it. */
  lease: MediaLease | null = null;

  constructor(scene: Phaser.Scene, private readonly rowW: number) {
    super(scene, 0, 0);
    this.panel = addPanel(scene);
    this.avatar = scene.add.image(0, 0, 'fallback-avatar');
    this.nameText = scene.add.text(0, 0, '', textStyle(26));
    this.bodyText = scene.add.text(0, 0, '', textStyle(29, '#ffffff', false, { wordWrap: { width: rowW - 110, useAdvancedWrap: true } }));
    this.add([this.panel, this.avatar, this.nameText, this.bodyText]);
    scene.add.existing(this);
    this.setVisible(false);
  }

  /** Fills the row for a message: at most two Text re-renders, no font re-measuring. */
  fill(userId: string, nickname: string, comment: string, avatarKey: string): void {
    this.nameText.setColor(nameColor(userId));
    setTextIfChanged(this.nameText, truncate(nickname || 'viewer', 24));
    this.nameText.setPosition(92, 12);
    const lines = this.bodyText.getWrappedText(truncate(comment, 160));
    let text = lines.length > 2 ? '' : lines.join('\n');
    if (lines.length > 2) {
      const g = graphemes(lines[1]!.trimEnd());
      text = `${lines[0]}\n${g.slice(0, Math.max(1, g.length - 2)).join('')}…`;
    }
    setTextIfChanged(this.bodyText, text);
    this.bodyText.setPosition(92, 12 + this.nameText.height - 4);
    this.rowH = Math.max(84, 12 + this.nameText.height - 4 + this.bodyText.height + 10);
    const w = Math.min(this.rowW, Math.max(this.nameText.width, this.bodyText.width) + 112);
    drawPanel(this.panel, w, this.rowH, 26, { alpha: 0.62 });
    this.avatar.setPosition(46, Math.min(this.rowH / 2, 46));
    this.setAvatar(avatarKey);
  }

  /** Shows the avatar picture (swapped in when it has loaded). */
  setAvatar(key: string): void {
    if (this.avatar.texture.key !== key) this.avatar.setTexture(key);
    this.avatar.setDisplaySize(60, 60);
  }
}
