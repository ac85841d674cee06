import Phaser from 'phaser';
import type { OverlayContext } from '../context.ts';
import { FALLBACK, MEDIA_SIZE } from '../media/media-cache.ts';

/** Draws the overlay's base textures (placeholders, heart, sparkle) before the other scenes are created. */
export class Boot extends Phaser.Scene {
  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Boot', active: true });
  }

  create(): void {
    const s = MEDIA_SIZE;
    this.canvasTexture(FALLBACK.avatar, s, s, (g) => {
      const grad = g.createLinearGradient(0, 0, s, s);
      grad.addColorStop(0, '#5b4bd6');
      grad.addColorStop(1, '#fe2c55');
      g.fillStyle = grad;
      g.beginPath();
      g.arc(s / 2, s / 2, s / 2, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = 'rgba(255,255,255,0.9)';
      g.beginPath();
      g.arc(s / 2, s * 0.4, s * 0.17, 0, Math.PI * 2);
      g.fill();
      g.beginPath();
      g.ellipse(s / 2, s * 0.86, s * 0.3, s * 0.22, 0, Math.PI, 0);
      g.fill();
    });
    this.canvasTexture(FALLBACK.gift, s, s, (g) => {
      g.fillStyle = '#fe2c55';
      g.fillRect(s * 0.18, s * 0.42, s * 0.64, s * 0.46);
      g.fillStyle = '#ff5a7a';
      g.fillRect(s * 0.12, s * 0.3, s * 0.76, s * 0.16);
      g.fillStyle = '#ffc531';
      g.fillRect(s * 0.45, s * 0.3, s * 0.1, s * 0.58);
      g.beginPath();
      g.ellipse(s * 0.4, s * 0.24, s * 0.1, s * 0.07, 0.5, 0, Math.PI * 2);
      g.ellipse(s * 0.6, s * 0.24, s * 0.1, s * 0.07, -0.5, 0, Math.PI * 2);
      g.fill();
    });
    this.canvasTexture('heart', 64, 64, (g) => {
      g.fillStyle = '#ffffff';
      g.beginPath();
      g.moveTo(32, 56);
      g.bezierCurveTo(4, 36, 2, 14, 18, 9);
      g.bezierCurveTo(26, 6, 31, 12, 32, 17);
      g.bezierCurveTo(33, 12, 38, 6, 46, 9);
      g.bezierCurveTo(62, 14, 60, 36, 32, 56);
      g.fill();
    });
    this.canvasTexture('sparkle', 48, 48, (g) => {
      const grad = g.createRadialGradient(24, 24, 0, 24, 24, 24);
      grad.addColorStop(0, 'rgba(255,255,255,1)');
      grad.addColorStop(0.25, 'rgba(255,240,200,0.8)');
      grad.addColorStop(1, 'rgba(255,200,80,0)');
      g.fillStyle = grad;
      g.fillRect(0, 0, 48, 48);
    });
    this.canvasTexture('glow', 256, 256, (g) => {
      const grad = g.createRadialGradient(128, 128, 0, 128, 128, 128);
      grad.addColorStop(0, 'rgba(255,255,255,0.9)');
      grad.addColorStop(0.4, 'rgba(255,255,255,0.35)');
      grad.addColorStop(1, 'rgba(255,255,255,0)');
      g.fillStyle = grad;
      g.fillRect(0, 0, 256, 256);
    });
    this.canvasTexture('ring', 128, 128, (g) => {
      g.strokeStyle = '#ffffff';
      g.lineWidth = 7;
      g.beginPath();
      g.arc(64, 64, 59, 0, Math.PI * 2);
      g.stroke();
    });
    this.canvasTexture('dot', 32, 32, (g) => {
      g.fillStyle = '#ffffff';
      g.beginPath();
      g.arc(16, 16, 15, 0, Math.PI * 2);
      g.fill();
    });
    this.canvasTexture('eye', 40, 40, (g) => {
      g.strokeStyle = '#ffffff';
      g.lineWidth = 4;
      g.beginPath();
      g.ellipse(20, 20, 16, 10, 0, 0, Math.PI * 2);
      g.stroke();
      g.fillStyle = '#ffffff';
      g.beginPath();
      g.arc(20, 20, 6, 0, Math.PI * 2);
      g.fill();
    });
    this.ctx.sceneReady('Boot');
  }

  private canvasTexture(key: string, w: number, h: number, draw: (g: CanvasRenderingContext2D) => void): void {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d');
    if (g) draw(g);
    this.textures.addCanvas(key, c);
  }
}
