import type Phaser from 'phaser';

/** How a picture is turned into a texture: avatars are cut round, gift pictures fitted into a square. */
export type MediaKind = 'avatar' | 'gift';

/**
 * One cached picture. Scenes keep the lease object itself (never an id to look up again): reference counts live on
 * it, so a stale id can never release a newer entry's reference and get a texture destroyed while it is drawn.
 */
export interface MediaLease {
  readonly url: string;
  readonly kind: MediaKind;
  /** Texture key once ready. */
  readonly key: string;
  state: 'loading' | 'ready' | 'failed' | 'evicted';
  refs: number;
}

/** Placeholder texture keys, drawn by the Boot scene. */
export const FALLBACK: Record<MediaKind, string> = { avatar: 'fallback-avatar', gift: 'fallback-gift' };

/** Texture side (px) of cached pictures. */
export const MEDIA_SIZE = 128;

/**
 * Loads avatars and gift pictures on demand (crossOrigin 'anonymous') into canvas textures, and evicts the least
 * recently used ones no scene holds once more than `max` are cached. Nothing ever waits for a picture: scenes draw
 * the placeholder and swap the picture in when `textureKey` changes.
 */
export class MediaCache {
  /** In least-recently-used order (a hit moves an entry to the end). */
  private readonly entries = new Map<string, MediaLease>();
  private seq = 0;

  constructor(
    private readonly textures: Phaser.Textures.TextureManager,
    private readonly max = 96,
    private readonly mapUrl: (url: string) => string = (u) => u,
  ) {}

  /** Starts loading `url` if needed; returns its lease (not yet held). */
  request(url: string, kind: MediaKind): MediaLease {
    const id = kind === 'avatar' ? `a:${url}` : `g:${url}`;
    const e = this.entries.get(id);
    if (e) {
      this.entries.delete(id);
      this.entries.set(id, e);
      return e;
    }
    const entry: MediaLease = { url, kind, key: `media-${++this.seq}`, state: 'loading', refs: 0 };
    this.entries.set(id, entry);
    if (!/^(https?:|data:|blob:|\/)/.test(url)) entry.state = 'failed';
    else this.load(url, kind, entry);
    this.evict();
    return entry;
  }

  /** True when the picture is loaded or has failed (the placeholder is final). */
  settled(l: MediaLease): boolean {
    return l.state !== 'loading';
  }

  /** The texture key to draw for `l` now: the picture, or its placeholder. */
  textureKey(l: MediaLease): string {
    return l.state === 'ready' ? l.key : FALLBACK[l.kind];
  }

  /** Marks the picture in use so it is not evicted; returns the lease to keep (a fresh one if `l` was evicted). */
  hold(l: MediaLease): MediaLease {
    const live = l.state === 'evicted' ? this.request(l.url, l.kind) : l;
    live.refs++;
    return live;
  }

  /** Releases a lease taken with hold. */
  release(l: MediaLease | null | undefined): void {
    if (l && l.refs > 0) l.refs--;
  }

  /** Cached pictures (loaded, loading or failed). */
  get size(): number {
    return this.entries.size;
  }

  private load(url: string, kind: MediaKind, entry: MediaLease): void {
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
      if (entry.state === 'loading') entry.state = 'failed';
    };
    img.src = this.mapUrl(url);
  }

  private evict(): void {
    if (this.entries.size <= this.max) return;
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.max) break;
      if (e.refs > 0 || e.state === 'loading') continue;
      this.entries.delete(id);
      if (e.state === 'ready' && this.textures.exists(e.key)) this.textures.remove(e.key);
      e.state = 'evicted';
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
