/** The face box FaceCutter reports (pixels of the source image). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of overlay/face/face-cutter.ts the overlay uses. */
export interface FaceCutterLike {
  init(): Promise<void>;
  cut(img: HTMLImageElement | ImageBitmap, cacheKey: string): Promise<{ canvas: HTMLCanvasElement; box: FaceBox | null; ms: number }>;
}

// A plain dynamic import: the compiler checks the face cutter against FaceCutterLike, and Vite still splits MediaPipe
// into its own chunk, loaded on the first Toasty.
const loadCutter = () => import('../face/face-cutter.ts');

/** Soft round crop of the whole image: the fallback when there is no face cutter or no face. */
export function roundCut(img: HTMLImageElement, size: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  if (!g) return c;
  const side = Math.min(img.naturalWidth, img.naturalHeight) || 1;
  g.drawImage(img, (img.naturalWidth - side) / 2, (img.naturalHeight - side) / 2, side, side, 0, 0, size, size);
  g.globalCompositeOperation = 'destination-in';
  const grad = g.createRadialGradient(size / 2, size / 2, size * 0.36, size / 2, size / 2, size / 2);
  grad.addColorStop(0, 'rgba(0,0,0,1)');
  grad.addColorStop(1, 'rgba(0,0,0,0)');
  g.fillStyle = grad;
  g.fillRect(0, 0, size, size);
  return c;
}

/**
 * Cuts faces out of avatars for Toasty: FaceCutter when it is present and initialises, else a soft round crop.
 * Results are cached per user (bounded); work runs in promises, off the frame loop.
 */
export class FaceSource {
  private cutter: Promise<FaceCutterLike | null> | null = null;
  private readonly cache = new Map<string, Promise<HTMLCanvasElement | null>>();

  constructor(
    private readonly base: string,
    private readonly size: number,
    private readonly log: (m: string) => void,
    private readonly max = 32,
  ) {}

  /** The face canvas for a user, or null when the avatar cannot be loaded. */
  face(userId: string, avatarUrl: string): Promise<HTMLCanvasElement | null> {
    const hit = this.cache.get(userId);
    if (hit) {
      this.cache.delete(userId);
      this.cache.set(userId, hit);
      return hit;
    }
    const p = this.make(userId, avatarUrl);
    this.cache.set(userId, p);
    if (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    return p;
  }

  private async make(userId: string, url: string): Promise<HTMLCanvasElement | null> {
    const img = await loadImage(url).catch(() => null);
    if (!img) return null;
    const cutter = await this.getCutter();
    if (cutter) {
      try {
        const r = await cutter.cut(img, userId);
        this.log(`toasty: face for ${userId} ${r.box ? 'found' : 'not found'} in ${Math.round(r.ms)} ms`);
        return r.canvas;
      } catch (e) {
        this.log(`toasty: face cutter failed: ${String(e)}`);
      }
    }
    return roundCut(img, this.size);
  }

  private getCutter(): Promise<FaceCutterLike | null> {
    if (this.cutter) return this.cutter;
    this.cutter = loadCutter()
      .then(async (m) => {
        const c: FaceCutterLike = new m.FaceCutter({ assetBase: `${this.base}face/`, size: this.size });
        await c.init();
        return c;
      })
      .catch((e: unknown) => {
        this.log(`toasty: face cutter unavailable: ${String(e)}`);
        return null;
      });
    return this.cutter;
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    if (!/^(https?:|data:|blob:|\/)/.test(url)) return reject(new Error('bad url'));
    const img = new Image();
    img.crossOrigin = 'anonymous';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`cannot load ${url}`));
    img.src = url;
  });
}
