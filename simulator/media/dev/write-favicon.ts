/** Writes overlay/public/favicon.ico from simulator/media/app-icon.ts: `node bin/run-ts.js simulator/media/dev/write-favicon.ts`. */
import { writeFileSync } from 'node:fs';
import { appIconIco } from '../app-icon.ts';

const out = new URL('../../../overlay/public/favicon.ico', import.meta.url);
writeFileSync(out, appIconIco());
console.log(`wrote ${out.pathname}`);
