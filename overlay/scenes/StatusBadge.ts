import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { addPanel, drawPanel, textStyle, tinted, type Panel } from '../ui.ts';
import { fitText } from './gift-card.ts';

/** A small badge while the socket is not connected (always shown, with counters, under ?debug). */
export class StatusBadge extends Phaser.Scene {
  private panel!: Panel;
  private label!: Phaser.GameObjects.Text;
  private dot!: Phaser.GameObjects.Image;
  private connected = false;
  private attempt = 0;
  private last = '';
  private lastState = '';
  private lastAt = -Infinity;
  private panelW = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'StatusBadge', active: true });
  }

  create(): void {
    this.panel = addPanel(this);
    this.dot = this.add.image(0, 0, tinted(this.textures, 'dot', 0xff4d4d)).setDisplaySize(18, 18);
    this.label = this.add.text(0, 0, '', textStyle(22, '#ffffff', false)).setOrigin(0, 0.5);
    this.ctx.bus.on('status', (s) => {
      this.connected = s.connected;
      this.attempt = s.attempt;
    });
    this.ctx.boxes.set('StatusBadge', (out) => {
      if (this.panel.visible) out.push({ part: 'status', id: 'badge', x: this.panel.x, y: this.panel.y, w: this.panelW, h: 44 });
    });
    this.ctx.sceneReady('StatusBadge');
  }

  override update(time: number): void {
    const h = this.ctx.harness;
    const debug = this.ctx.params.debug;
    // The socket state is read from the harness only at step time, so what is drawn depends on the game clock.
    const on = this.connected;
    if (!debug && on && !this.panel.visible) return;
    const state = on ? 'connected' : this.attempt > 0 ? `reconnecting… (#${this.attempt})` : 'connecting…';
    // The debug counters change on every frame of a busy stream: redrawn 4 times a second (each redraw re-uploads
    // the label and panel textures); a change of connection state shows at once.
    if (debug && state === this.lastState && time - this.lastAt < 250) return;
    let text = state;
    if (debug) text += `  ·  rx ${h.received}  bad ${h.bad}  merged ${h.merged}  ${h.idle ? 'idle' : 'busy'}`;
    const show = debug || !on;
    this.panel.setVisible(show);
    this.dot.setVisible(show);
    this.label.setVisible(show);
    if (!show || text === this.last) return;
    this.last = text;
    this.lastState = state;
    this.lastAt = time;
    // Cut to the badge's band rather than run over the parts beside it.
    fitText(this.label, text, this.ctx.layout.regions.status.w - 56);
    const w = (this.panelW = this.label.width + 56);
    const x = (this.ctx.layout.w - w) / 2;
    const y = 12;
    drawPanel(this.panel, w, 44, 22, { alpha: 0.7 });
    this.panel.setPosition(x, y);
    this.dot.setPosition(x + 24, y + 22).setTexture(tinted(this.textures, 'dot', on ? 0x3ddc84 : 0xff4d4d)).setDisplaySize(18, 18);
    this.label.setPosition(x + 42, y + 22);
  }
}
