/**
 * Writes every catalog gift's generated picture into one contact sheet (PNG), on the overlay's panel colour, in
 * catalog order, to look at them all at once: `node bin/run-ts.js simulator/media/dev/gift-sheet.ts out.png`.
 */
import { writeFileSync } from 'node:fs';
import { GIFT_CATALOG } from '../../../protocol/index.ts';
import { GIFT_SIZE, renderGift } from '../gift.ts';
import { encodePng } from '../png.ts';
import { Raster } from '../raster.ts';

const out = process.argv[2] ?? 'gift-sheet.png';
const cols = 12;
const cell = GIFT_SIZE + 8;
const rows = Math.ceil(GIFT_CATALOG.length / cols);
const sheet = new Raster(cols * cell, rows * cell);
sheet.fillLinear(0, 0, 0, 1, { r: 0x12, g: 0x10, b: 0x1c, a: 1 }, { r: 0x12, g: 0x10, b: 0x1c, a: 1 });
GIFT_CATALOG.forEach((g, i) => {
  const img = renderGift(g.id, g.diamondCount, g.name);
  const ox = (i % cols) * cell + 4, oy = Math.floor(i / cols) * cell + 4;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const j = (y * img.width + x) * 4;
      const d = img.data;
      sheet.blend(ox + x, oy + y, { r: d[j]!, g: d[j + 1]!, b: d[j + 2]!, a: d[j + 3]! / 255 }, 1);
    }
  }
});
writeFileSync(out, encodePng(sheet, true));
console.log(`${GIFT_CATALOG.length} gifts -> ${out}`);
