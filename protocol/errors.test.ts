import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, errorsTable, isErrorCode } from './errors.ts';
import { tsFiles } from '../test/source-files.ts';

const ROOT = join(import.meta.dirname, '..');


describe('one error table', () => {
  it('README\'s error table is the one generated from protocol/errors.ts', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /<!-- errors:start[^>]*-->\n([\s\S]*?)\n?<!-- errors:end -->/.exec(readme);
    expect(m, 'README has the errors:start/errors:end markers').not.toBeNull();
    expect(m![1]!.trim(), 'paste this table between the markers in README.md').toBe(errorsTable());
  });

  it('every code the project emits is in the table', () => {
    const missing = new Map<string, string>();
    for (const dir of ['protocol', 'simulator', 'recorder', 'overlay', 'bin']) {
      for (const file of tsFiles(join(ROOT, dir)).filter((f) => !/\.test\.ts$|test-helpers|test-utils/.test(f))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/['"`](E_[A-Z][A-Z_]+)['"`]/g)) if (!isErrorCode(m[1]!)) missing.set(m[1]!, file);
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('statuses are HTTP error statuses, or 0 for codes that never travel over HTTP', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      const all = [e.status, ...('also' in e ? e.also : [])];
      for (const s of all) expect(s === 0 || (s >= 400 && s < 600), code).toBe(true);
    }
  });
});
