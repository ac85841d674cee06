/**
 * Test and bench harness page for overlay/face/face-cutter.ts: exposes `window.__face` (see FaceHarnessApi) and sets
 * `window.__faceReady` once loaded. The page itself draws nothing until `cut()` appends a canvas.
 */
import { FaceCutter, type FaceBox } from '../../overlay/face/face-cutter.ts';

/** What e2e/face.spec.ts and bench/face.ts call through page.evaluate. */
export interface FaceHarnessApi {
  /** Loads wasm + model; returns the ms it took. */
  init(): Promise<number>;
  /** Detects on the picture at `url`; returns the box and the detection ms (image load excluded). */
  detect(url: string): Promise<{ box: FaceBox | null; ms: number }>;
  /** Cuts the picture at `url`, shows the canvas in #cuts with `label`; returns box, ms and the canvas's alpha at centre and corner. */
  cut(url: string, label: string): Promise<{ box: FaceBox | null; ms: number; size: number; alphaCentre: number; alphaCorner: number }>;
  /** Detection ms of each of `rounds` passes over `urls` (images loaded first). */
  timeDetections(urls: string[], rounds: number): Promise<number[]>;
}

declare global {
  interface Window { __face: FaceHarnessApi; __faceReady: boolean }
}

const cutter = new FaceCutter({ assetBase: '/face/' });
const images = new Map<string, Promise<HTMLImageElement>>();

/** Loads an image with CORS (so its pixels are readable), once per URL. */
function load(url: string): Promise<HTMLImageElement> {
  let p = images.get(url);
  if (!p) {
    p = new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.crossOrigin = 'anonymous';
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error(`could not load ${url}`));
      img.src = url;
    });
    images.set(url, p);
  }
  return p;
}

window.__face = {
  async init() {
    const t0 = performance.now();
    await cutter.init();
    return performance.now() - t0;
  },
  async detect(url) {
    const img = await load(url);
    const t0 = performance.now();
    const box = await cutter.detect(img);
    return { box, ms: performance.now() - t0 };
  },
  async cut(url, label) {
    const img = await load(url);
    const { canvas, box, ms } = await cutter.cut(img, url);
    // Show a copy: a cached cut hands back the same canvas, and a node can sit in only one place.
    const shown = document.createElement('canvas');
    shown.width = canvas.width;
    shown.height = canvas.height;
    shown.getContext('2d')?.drawImage(canvas, 0, 0);
    const fig = document.createElement('figure');
    const cap = document.createElement('figcaption');
    cap.textContent = label;
    fig.append(shown, cap);
    document.getElementById('cuts')?.append(fig);
    const ctx = canvas.getContext('2d');
    const alpha = (x: number, y: number): number => ctx?.getImageData(x, y, 1, 1).data[3] ?? -1;
    return { box, ms, size: canvas.width, alphaCentre: alpha(canvas.width / 2, canvas.height / 2), alphaCorner: alpha(2, 2) };
  },
  async timeDetections(urls, rounds) {
    const imgs = await Promise.all(urls.map(load));
    const out: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const img of imgs) {
        const t0 = performance.now();
        await cutter.detect(img);
        out.push(performance.now() - t0);
      }
    }
    return out;
  },
};
window.__faceReady = true;
