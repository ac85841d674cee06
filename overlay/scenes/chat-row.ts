import Phaser from 'phaser';
import { drawPanel, nameColor, textStyle } from '../ui.ts';
import { graphemes, truncate } from '../logic/text.ts';

/** One pooled chat line: avatar, nickname and the comment (two lines at most, cut with an ellipsis). */
export class ChatRow extends Phaser.GameObjects.Container {
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly avatar: Phaser.GameObjects.Image;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly bodyText: Phaser.GameObjects.Text;
  /** Height of the row as filled. */
  rowH = 0;

  constructor(scene: Phaser.Scene, private readonly rowW: number) {
    super(scene, 0, 0);
    this.panel = scene.add.graphics();
    this.avatar = scene.add.image(0, 0, 'fallback-avatar');
    this.nameText = scene.add.text(0, 0, '', textStyle(26));
    this.bodyText = scene.add.text(0, 0, '', textStyle(29, '#ffffff', false, { wordWrap: { width: rowW - 110, useAdvancedWrap: true } }));
    this.add([this.panel, this.avatar, this.nameText, this.bodyText]);
    scene.add.existing(this);
    this.setVisible(false);
  }

  /** Fills the row for a message. */
  fill(userId: string, nickname: string, comment: string, avatarKey: string): void {
    this.nameText.setStyle(textStyle(26, nameColor(userId))).setText(truncate(nickname || 'viewer', 24)).setPosition(92, 12);
    const lines = this.bodyText.getWrappedText(truncate(comment, 160));
    let text = lines.slice(0, 2).join('\n');
    if (lines.length > 2) {
      const g = graphemes(lines[1]!.trimEnd());
      text = `${lines[0]}\n${g.slice(0, Math.max(1, g.length - 2)).join('')}…`;
    }
    this.bodyText.setText(text).setPosition(92, 12 + this.nameText.height - 4);
    this.rowH = Math.max(84, 12 + this.nameText.height - 4 + this.bodyText.height + 10);
    const w = Math.min(this.rowW, Math.max(this.nameText.width, this.bodyText.width) + 112);
    drawPanel(this.panel, w, this.rowH, 26, { alpha: 0.62 });
    this.avatar.setTexture(avatarKey).setDisplaySize(60, 60).setPosition(46, Math.min(this.rowH / 2, 46));
  }
}

