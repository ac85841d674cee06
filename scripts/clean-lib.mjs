#!/usr/bin/env node
// Removes the compiled package output (npm run build:lib writes .js and .d.ts beside their .ts sources).
import { readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

let n = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'assets' && name !== 'panel') walk(p);
    } else if ((name.endsWith('.js') || name.endsWith('.d.ts')) && existsSync(p.replace(/\.d\.ts$|\.js$/, '.ts'))) {
      rmSync(p);
      n++;
    }
  }
}
for (const d of ['protocol', 'simulator', 'recorder', 'receivers', 'relay', 'testing']) if (existsSync(d)) walk(d);
rmSync('schemas', { recursive: true, force: true });
console.log(`clean-lib: removed ${n} compiled files and schemas/`);
