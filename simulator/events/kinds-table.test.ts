import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIKTOK_EVENT_NAMES } from '../../protocol/index.ts';
import { kindsTable } from './kinds-table.ts';

describe('docs/KINDS.md', () => {
  it('holds the table the code generates (node bin/run-ts.js scripts/kinds-table.ts), one row per kind and config', () => {
    const doc = readFileSync(new URL('../../docs/KINDS.md', import.meta.url), 'utf8');
    const table = /<!-- kinds:start -->\n([\s\S]*?)\n<!-- kinds:end -->/.exec(doc)?.[1];
    expect(table).toBe(kindsTable());
    expect(table!.split('\n').length).toBe(2 + TIKTOK_EVENT_NAMES.length + 1);
  });
});
