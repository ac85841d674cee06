import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** Number of face photos served (/media/face/0..2.png). */
export const FACE_COUNT = 3;

const assetDir = fileURLToPath(new URL('../assets/faces/', import.meta.url));

/** Reads a face asset, with an error that says which file is missing. */
function readAsset(dir: string, name: string): Buffer {
  try {
    return readFileSync(dir + name);
  } catch (err) {
    throw new Error(`face photo ${dir}${name} is missing (see simulator/assets/faces/README.md): ${(err as Error).message}`);
  }
}

/** Left-right mirror of a PNG, re-encoded at a fixed zlib level (same input, same bytes). */
export function mirrorPng(bytes: Buffer): Buffer {
  const src = PNG.sync.read(bytes);
  const dst = new PNG({ width: src.width, height: src.height });
  const w = src.width;
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < w; x++) src.data.copy(dst.data, (y * w + x) * 4, (y * w + (w - 1 - x)) * 4, (y * w + (w - x)) * 4);
  }
  return PNG.sync.write(dst, { colorType: 2, deflateLevel: 9 });
}

/** Face photo `n` (0 astronaut, 1 astronaut mirrored, 2 camera man) as PNG bytes. */
export function loadFace(n: number, dir = assetDir): Buffer {
  if (n === 0) return readAsset(dir, 'astronaut-256.png');
  if (n === 1) return mirrorPng(readAsset(dir, 'astronaut-256.png'));
  if (n === 2) return readAsset(dir, 'cameraman-256.png');
  throw new RangeError(`face ${n} does not exist; faces are 0..${FACE_COUNT - 1}`);
}
