// Re-creates the committed face photos from the originals in Debian's python3-skimage package (see README.md):
//   cd /tmp && apt-get download python3-skimage && dpkg-deb --fsys-tarfile python3-skimage_*.deb | tar -x --wildcards '*data/astronaut.png' '*data/camera.png'
//   node simulator/assets/faces/derive.mjs /tmp/usr/lib/python3/dist-packages/skimage/data
// Deterministic: a square crop, an area-average resize to 256x256, a PNG at a fixed zlib level.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const here = dirname(fileURLToPath(import.meta.url));
const src = process.argv[2];
if (!src) {
  console.error('usage: node derive.mjs <dir holding astronaut.png and camera.png>');
  process.exit(2);
}

/** Crops the square (x, y, side) of `img` and resizes it to `out` px by averaging the covered area. */
function cropResize(img, x, y, side, out, gray) {
  const dst = new PNG({ width: out, height: out });
  const k = side / out;
  for (let oy = 0; oy < out; oy++) {
    for (let ox = 0; ox < out; ox++) {
      const sx0 = x + ox * k, sy0 = y + oy * k;
      const acc = [0, 0, 0];
      let wsum = 0;
      for (let sy = Math.floor(sy0); sy < Math.ceil(sy0 + k); sy++) {
        const wy = Math.min(sy + 1, sy0 + k) - Math.max(sy, sy0);
        for (let sx = Math.floor(sx0); sx < Math.ceil(sx0 + k); sx++) {
          const wx = Math.min(sx + 1, sx0 + k) - Math.max(sx, sx0);
          const w = wx * wy, i = (sy * img.width + sx) * 4;
          for (let ch = 0; ch < 3; ch++) acc[ch] += img.data[i + ch] * w;
          wsum += w;
        }
      }
      const o = (oy * out + ox) * 4;
      for (let ch = 0; ch < 3; ch++) dst.data[o + ch] = Math.round(acc[ch] / wsum);
      dst.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(dst, { colorType: gray ? 0 : 2, deflateLevel: 9 });
}

const astronaut = PNG.sync.read(readFileSync(join(src, 'astronaut.png')));
const camera = PNG.sync.read(readFileSync(join(src, 'camera.png')));
// Upper body of Eileen Collins: 384 px square from (64, 0), face near (75, 55) 63x63 after the 2/3 resize.
writeFileSync(join(here, 'astronaut-256.png'), cropResize(astronaut, 64, 0, 384, 256, false));
// The camera man (Lav Varshney's CC0 photo), head and camera: 288 px square from (64, 24).
writeFileSync(join(here, 'cameraman-256.png'), cropResize(camera, 64, 24, 288, 256, true));
console.log('wrote astronaut-256.png and cameraman-256.png');
