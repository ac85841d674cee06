/**
 * README's ten-line receiver, run as it is printed (in a child process, on a free port), passes every case of the
 * receiver tester: the documentation cannot drift from what the relay sends.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSecret } from './sign.ts';
import { testReceiver } from './tester.ts';

const ROOT = join(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

describe("README's receiver example", () => {
  it('verifies what the relay signs and refuses every attack', { timeout: 60_000 }, async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const code = /A receiver in ten lines[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code, 'the example in README').toBeDefined();
    const port = await freePort();
    // Beside the project so that `standardwebhooks` resolves from its node_modules.
    const dir = mkdtempSync(join(ROOT, 'node_modules', '.tiksim-readme-'));
    const file = join(dir, 'receiver.mjs');
    writeFileSync(file, code!.replace(".listen(3000, '127.0.0.1')", `.listen(${port}, '127.0.0.1')`));
    const secret = generateSecret();
    const child = spawn(process.execPath, [file], { env: { ...process.env, WEBHOOK_SECRET: secret }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = `http://127.0.0.1:${port}/hook`;
      const end = Date.now() + 20_000;
      while (Date.now() < end) {
        const up = await fetch(url, { method: 'POST', body: '{}' }).then(() => true, () => false);
        if (up) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const rows = await testReceiver(url, secret);
      expect(rows.filter((r) => !r.ok)).toEqual([]);
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
