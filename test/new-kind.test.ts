/**
 * Issue 14's promise, proved on a copy of the tree: adding a name to protocol's EVENT_NAMES and nothing else makes the
 * typecheck fail, naming the protocol schema registry, the simulator's kind registry and the overlay's handler table.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

describe('a new event kind fails the build until every layer handles it', () => {
  it('EVENT_NAMES + "zzProbe" → tsc names protocol/schemas.ts, simulator/events/index.ts and overlay/director.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiksim-new-kind-'));
    try {
      for (const d of ['protocol', 'simulator', 'recorder', 'overlay', 'e2e', 'bench', 'scripts', 'test']) {
        cpSync(join(ROOT, d), join(dir, d), { recursive: true, filter: (src) => !/node_modules|__screenshots__|[/\\]dist[/\\]?/.test(src) });
      }
      for (const f of ['tsconfig.json', 'package.json', 'playwright.config.ts', 'vitest.config.ts']) cpSync(join(ROOT, f), join(dir, f));
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const names = join(dir, 'protocol', 'names.ts');
      const text = readFileSync(names, 'utf8');
      expect(text).toContain("  'social',\n] as const;");
      writeFileSync(names, text.replace("  'social',\n] as const;", "  'social',\n  'zzProbe',\n] as const;"));
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json'), '--noEmit'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      const files = new Set([...r.stdout.matchAll(/^([^\s(]+)\(\d+,\d+\): error/gm)].map((m) => m[1]!.replaceAll('\\', '/')));
      expect([...files]).toEqual(expect.arrayContaining(['protocol/schemas.ts', 'simulator/events/index.ts', 'overlay/director.ts']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
