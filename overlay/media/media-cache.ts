import type Phaser from 'phaser';

/** How a picture is turned into a texture: avatars are cut round, gift pictures fitted into a square. */
export type MediaKind = 'avatar' | 'gift';

interface Entry {
  key: string;
  state: 'loading' | 'ready' | 'failed';
  refs: number;
  used: number;
}

/** Placeholder texture keys, drawn by the Boot scene. */
export const FALLBACK: Record<MediaKind, string> = { avatar: 'fallback-avatar', gift: 'fallback-gift' };

/** Texture side (px) of cached pictures. */
export const MEDIA_SIZE = 128;

/**
 * Loads avatars and gift pictures on demand (crossOrigin 'anonymous') into canvas textures, and evicts the least
 * recently used ones no alert holds once more than `max` are cached.
 */
export class MediaCache {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;
  private tick = 0;

  constructor(
    private readonly textures: Phaser.Textures.TextureManager,
    private readonly max = 96,
  ) {}

  /** Starts loading `url` if needed; returns its cache id. */
  request(url: string, kind: MediaKind): string {
    const id = `${kind}:${url}`;
    const e = this.entries.get(id);
    this.tick++;
    if (e) {
      e.used = this.tick;
      return id;
    }
    const entry: Entry = { key: `media-${++this.seq}`, state: 'loading', refs: 0, used: this.tick };
    this.entries.set(id, entry);
    if (!/^(https?:|data:|blob:|\/)/.test(url)) entry.state = 'failed';
    else this.load(url, kind, entry);
    this.evict();
    return id;
  }

  /** True when the picture is loaded or has failed (a placeholder will be used). */
  settled(id: string): boolean {
    const e = this.entries.get(id);
    return !e || e.state !== 'loading';
  }

  /** The texture key to draw for `id` now: the picture, or its placeholder. */
  textureKey(id: string, kind: MediaKind): string {
    const e = this.entries.get(id);
    return e && e.state === 'ready' ? e.key : FALLBACK[kind];
  }

  /** Marks the picture in use so it is not evicted. */
  acquire(id: string): void {
    const e = this.entries.get(id);
    if (e) e.refs++;
  }

  /** Releases a picture taken with acquire. */
  release(id: string): void {
    const e = this.entries.get(id);
    if (e && e.refs > 0) e.refs--;
  }

  /** Cached pictures (loaded, loading or failed). */
  get size(): number {
    return this.entries.size;
  }

  private load(url: string, kind: MediaKind, entry: Entry): void {
    const img = new Image();
    img.crossOrigin = 'anonymous';
    img.decoding = 'async';
    img.onload = () => {
      if (entry.state !== 'loading') return;
      try {
        const c = document.createElement('canvas');
        c.width = c.height = MEDIA_SIZE;
        const g = c.getContext('2d');
        if (!g) throw new Error('no 2d context');
        if (kind === 'avatar') drawRound(g, img);
        else drawContain(g, img);
        this.textures.addCanvas(entry.key, c);
        entry.state = 'ready';
      } catch {
        entry.state = 'failed';
      }
    };
    img.onerror = () => {
      entry.state = 'failed';
    };
    img.src = url;
  }

  private evict(): void {
    if (this.entries.size <= this.max) return;
    const victims = [...this.entries].filter(([, e]) => e.refs === 0 && e.state !== 'loading').sort((a, b) => a[1].used - b[1].used);
    for (const [id, e] of victims) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(id);
      if (e.state === 'ready' && this.textures.exists(e.key)) this.textures.remove(e.key);
    }
  }
}

function drawRound(g: CanvasRenderingContext2D, img: HTMLImageElement): void {
  const s = MEDIA_SIZE;
  g.save();
  g.beginPath();
  g.arc(s / 2, s / 2, s / 2, 0, Math.PI * 2);
  g.clip();
  const side = Math.min(img.naturalWidth, img.naturalHeight) || 1;
  g.drawImage(img, (img.naturalWidth - side) / 2, (img.naturalHeight - side) / 2, side, side, 0, 0, s, s);
  g.restore();
}

function drawContain(g: CanvasRenderingContext2D, img: HTMLImageElement): void {
  const s = MEDIA_SIZE;
  const w = img.naturalWidth || 1;
  const h = img.naturalHeight || 1;
  const k = Math.min(s / w, s / h);
  g.drawImage(img, (s - w * k) / 2, (s - h * k) / 2, w * k, h * k);
}
