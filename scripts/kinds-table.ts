/** Rewrites the table between the markers of docs/KINDS.md from the code (simulator/events/kinds-table.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { kindsTable } from '../simulator/events/kinds-table.ts';

const file = new URL('../docs/KINDS.md', import.meta.url);
const text = readFileSync(file, 'utf8');
const m = /<!-- kinds:start -->[\s\S]*?<!-- kinds:end -->/.exec(text);
if (!m) throw new Error('docs/KINDS.md has no <!-- kinds:start --> ... <!-- kinds:end --> markers');
writeFileSync(file, text.replace(m[0], `<!-- kinds:start -->\n${kindsTable()}\n<!-- kinds:end -->`));
console.log('docs/KINDS.md table rewritten');
