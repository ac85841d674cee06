/** Writes README's error table from protocol/errors.ts (`node bin/run-ts.js scripts/errors-table.ts`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { errorsTable } from '../protocol/errors.ts';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const next = readme.replace(/(<!-- errors:start[^>]*-->\n)[\s\S]*?(<!-- errors:end -->)/, `$1${errorsTable()}\n$2`);
writeFileSync(path, next);
console.log(next === readme ? 'README error table already up to date' : 'README error table rewritten');
