import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, appIconIco } from './app-icon.ts';
import { decodePng } from './png.ts';

describe('app icon', () => {
  it('is a .ico file of PNG pictures in every size listed', () => {
    const ico = appIconIco();
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICON_SIZES.length]);
    ICON_SIZES.forEach((n, i) => {
      const e = 6 + 16 * i;
      const png = decodePng(ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)));
      expect([ico.readUInt8(e), png.width, png.height]).toEqual([n, n, n]);
    });
  });

  it('overlay/public/favicon.ico is this icon (regenerate: node bin/run-ts.js simulator/media/dev/write-favicon.ts)', () => {
    const file = readFileSync(new URL('../../overlay/public/favicon.ico', import.meta.url));
    expect(file.equals(appIconIco())).toBe(true);
  });
});
