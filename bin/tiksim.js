#!/usr/bin/env node
// The tiksim command. In a clone (TypeScript sources present) it runs them through tsx's loader, so no build step
// stands between an edit and `npx tiksim`; the installed package ships compiled JavaScript and runs that, with no
// loader and nothing transpiled at run time.
import { existsSync } from 'node:fs';

const source = new URL('../simulator/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../simulator/cli.ts');
} else {
  await import('../simulator/cli.js');
}
