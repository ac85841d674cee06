/**
 * Writes schemas/<event>.json: the JSON Schema of every event's data, generated from protocol's zod schemas, for
 * people who do not use TypeScript (`tiksim/schemas/gift.json`). Run by `npm run build:lib`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { EVENT_NAMES, eventSchemas } from '../protocol/index.ts';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const name of EVENT_NAMES) {
  const schema = z.toJSONSchema(eventSchemas[name], { target: 'draft-2020-12', unrepresentable: 'any' });
  const doc = { $id: `https://tiksim.invalid/schemas/${name}.json`, title: `TikFinity "${name}" event data`, ...schema };
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(doc, null, 2)}\n`);
}
writeFileSync(new URL('index.json', dir), `${JSON.stringify({ events: EVENT_NAMES.map((n) => ({ event: n, schema: `./${n}.json` })) }, null, 2)}\n`);
console.log(`schemas: ${EVENT_NAMES.length} event schemas in schemas/`);
