/// <reference types="vite/client" />
/**
 * Finds the face in an avatar and cuts it out with a soft round mask, for the "Toasty!" slide-in.
 * Real MediaPipe BlazeFace (tasks-vision FaceDetector, IMAGE mode, CPU delegate: on software WebGL the GPU delegate
 * is ~10x slower), loaded from local files only: `<assetBase>face_detection_short_range.tflite` and
 * `<assetBase>wasm/` (both written by scripts/prepare-face-assets.mjs into overlay/public/face/).
 */
import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';

/** A face found in an image, in that image's pixels; score 0..1. */
export interface FaceBox { x: number; y: number; width: number; height: number; score: number }

/** A cut-out: a square canvas (`size` px) with a soft round alpha mask; `box` is null when no face was found. */
export interface FaceCut { canvas: HTMLCanvasElement; box: FaceBox | null; ms: number }

/** Anything the detector and the cutter can read pixels from. */
export type FaceSource = HTMLImageElement | HTMLCanvasElement | ImageBitmap;

/** Options of the cutter. */
export interface FaceCutterOptions {
  /** Where the model and wasm/ live, with a trailing slash. Default `${import.meta.env.BASE_URL}face/`. */
  assetBase?: string;
  /** Side of the output canvas, px (default 256). */
  size?: number;
}

/** Padding around the face box: the cut circle's radius is this times half the box's larger side. */
const FACE_PADDING = 1.7;
/** The face is shifted down in the circle by this fraction of its height, so hair and chin both fit. */
const FACE_LIFT = 0.08;
/** Where the mask's fade starts, as a fraction of its radius. */
const MASK_SOLID = 0.78;
/**
 * Lowest score taken as a face. Real faces in the simulator's photos score 0.93 to 0.97; identicon-like avatars
 * (a symmetric pattern in a disc) reach 0.58 at BlazeFace's default 0.5, and a false "Toasty!" looks worse than none.
 */
const MIN_FACE_SCORE = 0.7;
/** Most cut-outs kept (least recently used dropped first). */
const CACHE_ENTRIES = 64;

/** Natural pixel size of a source. */
function sourceSize(img: FaceSource): { w: number; h: number } {
  if (typeof HTMLImageElement !== 'undefined' && img instanceof HTMLImageElement) return { w: img.naturalWidth, h: img.naturalHeight };
  return { w: img.width, h: img.height };
}

/** Detects faces with MediaPipe and cuts them out; one instance per page is plenty. */
export class FaceCutter {
  private readonly assetBase: string;
  private readonly size: number;
  private detector: FaceDetector | null = null;
  private loading: Promise<void> | null = null;
  private readonly cache = new Map<string, Promise<FaceCut>>();

  constructor(opts: FaceCutterOptions = {}) {
    const base = opts.assetBase ?? `${import.meta.env.BASE_URL}face/`;
    this.assetBase = base.endsWith('/') ? base : `${base}/`;
    this.size = opts.size ?? 256;
    if (!Number.isInteger(this.size) || this.size < 8 || this.size > 4096) throw new RangeError(`FaceCutter size must be an integer 8..4096, got ${opts.size}`);
  }

  /** Loads the wasm runtime and the model once (later calls share the first load). Rejects with the cause. */
  init(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const fileset = await FilesetResolver.forVisionTasks(`${this.assetBase}wasm`);
        this.detector = await FaceDetector.createFromOptions(fileset, {
          baseOptions: { modelAssetPath: `${this.assetBase}face_detection_short_range.tflite`, delegate: 'CPU' },
          runningMode: 'IMAGE',
          minDetectionConfidence: MIN_FACE_SCORE,
        });
      } catch (err) {
        this.loading = null; // a later call may retry (e.g. the files were being written)
        throw new Error(`face detector could not load from ${this.assetBase}: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    return this.loading;
  }

  /** The most confident face in `img` (clamped to the image), or null when there is none. Rejects when the image is unreadable. */
  async detect(img: FaceSource): Promise<FaceBox | null> {
    await this.init();
    const detector = this.detector as FaceDetector;
    const { w, h } = sourceSize(img);
    if (w === 0 || h === 0) throw new Error('image has no pixels (not loaded yet, or broken)');
    let best: FaceBox | null = null;
    for (const d of detector.detect(img).detections) {
      const bb = d.boundingBox;
      const score = d.categories[0]?.score ?? 0;
      if (!bb || (best && best.score >= score)) continue;
      const x = Math.max(0, bb.originX), y = Math.max(0, bb.originY);
      const width = Math.min(w, bb.originX + bb.width) - x, height = Math.min(h, bb.originY + bb.height) - y;
      if (width > 0 && height > 0) best = { x, y, width, height, score };
    }
    return best;
  }

  /**
   * The face of `img` in a soft circle (padded around the face), or the whole picture in that circle when there is no
   * face or detection fails. Never rejects. Cached per `cacheKey` (use the image URL).
   * @example const { canvas, box } = await cutter.cut(img, url); scene.textures.addCanvas(url, canvas);
   */
  cut(img: HTMLImageElement | ImageBitmap, cacheKey: string): Promise<FaceCut> {
    const hit = this.cache.get(cacheKey);
    if (hit) {
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, hit);
      return hit;
    }
    const made = this.makeCut(img);
    this.cache.set(cacheKey, made);
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return made;
  }

  private async makeCut(img: HTMLImageElement | ImageBitmap): Promise<FaceCut> {
    const t0 = performance.now();
    let box: FaceBox | null = null;
    try {
      box = await this.detect(img);
    } catch (err) {
      console.warn(`FaceCutter: detection failed, using the whole picture: ${err instanceof Error ? err.message : String(err)}`);
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = this.size;
    try {
      this.draw(canvas, img, box);
    } catch (err) {
      box = null;
      console.warn(`FaceCutter: could not draw the picture: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { canvas, box, ms: performance.now() - t0 };
  }

  /** Draws the square around the face (or the centre square of the picture) and masks it with a soft circle. */
  private draw(canvas: HTMLCanvasElement, img: FaceSource, box: FaceBox | null): void {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context');
    const { w, h } = sourceSize(img);
    const S = this.size;
    let sx: number, sy: number, side: number;
    if (box) {
      const r = (Math.max(box.width, box.height) / 2) * FACE_PADDING;
      const cx = box.x + box.width / 2, cy = box.y + box.height / 2 - box.height * FACE_LIFT;
      side = 2 * r;
      sx = cx - r;
      sy = cy - r;
    } else {
      side = Math.min(w, h);
      sx = (w - side) / 2;
      sy = (h - side) / 2;
    }
    ctx.clearRect(0, 0, S, S);
    // drawImage clips a source rectangle that leaves the picture; map the clipped part to the matching destination.
    const cx0 = Math.max(0, sx), cy0 = Math.max(0, sy), cx1 = Math.min(w, sx + side), cy1 = Math.min(h, sy + side);
    if (cx1 > cx0 && cy1 > cy0) {
      const k = S / side;
      ctx.drawImage(img, cx0, cy0, cx1 - cx0, cy1 - cy0, (cx0 - sx) * k, (cy0 - sy) * k, (cx1 - cx0) * k, (cy1 - cy0) * k);
    }
    const mask = ctx.createRadialGradient(S / 2, S / 2, (S / 2) * MASK_SOLID, S / 2, S / 2, S / 2);
    mask.addColorStop(0, 'rgba(0,0,0,1)');
    mask.addColorStop(1, 'rgba(0,0,0,0)');
    ctx.globalCompositeOperation = 'destination-in';
    ctx.fillStyle = mask;
    ctx.fillRect(0, 0, S, S);
    ctx.globalCompositeOperation = 'source-over';
  }
}
