import { hsl, white } from './color.ts';
import { encodePng } from './png.ts';
import { Raster, linear, polygon, roundRect } from './raster.ts';

/** tiksim's icon at `size` px: a rounded square from TikTok pink to cyan with a white "live" play mark. */
export function renderAppIcon(size: number): Raster {
  const s = size;
  const r = new Raster(s, s);
  const body = roundRect(0.5, 0.5, s - 1, s - 1, s * 0.22);
  r.fill(body, linear(0, 0, s, s, hsl(349, 0.99, 0.58), hsl(178, 0.9, 0.55)));
  r.fill(polygon([[s * 0.38, s * 0.27], [s * 0.76, s * 0.5], [s * 0.38, s * 0.73]]), white(0.97));
  return r;
}

/** The sizes in the .ico file, px. */
export const ICON_SIZES = [16, 32, 48, 64] as const;

/**
 * A Windows icon file (what browsers ask for at /favicon.ico) holding PNG pictures of the icon in ICON_SIZES.
 * Same bytes every time: overlay/public/favicon.ico is this file, and a test holds the two together.
 */
export function appIconIco(): Buffer {
  const pngs = ICON_SIZES.map((n) => encodePng(renderAppIcon(n)));
  const head = Buffer.alloc(6 + 16 * pngs.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(pngs.length, 4);
  let offset = head.length;
  pngs.forEach((png, i) => {
    const e = 6 + 16 * i;
    const n = ICON_SIZES[i]!;
    head.writeUInt8(n >= 256 ? 0 : n, e);
    head.writeUInt8(n >= 256 ? 0 : n, e + 1);
    head.writeUInt8(0, e + 2);
    head.writeUInt8(0, e + 3);
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(png.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([head, ...pngs]);
}
