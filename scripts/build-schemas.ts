/**
 * Writes schemas/<event>.json: the JSON Schema of every event's data, generated from protocol's zod schemas, for
 * people who do not use TypeScript (`tiksim/schemas/gift.json`), and schemas/tlc/<kind>.json: the TLC-style data of
 * every TikTok-Live-Connector kind (protocol/tlc). Run by `npm run build:lib`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { EVENT_NAMES, eventSchemas, TIKTOK_EVENT_NAMES, TLC_MESSAGE_TYPES, tlcSchemas } from '../protocol/index.ts';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const name of EVENT_NAMES) {
  const schema = z.toJSONSchema(eventSchemas[name], { target: 'draft-2020-12', unrepresentable: 'any' });
  const doc = { $id: `https://tiksim.invalid/schemas/${name}.json`, title: `TikFinity "${name}" event data`, ...schema };
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(doc, null, 2)}\n`);
}
const tlcDir = new URL('tlc/', dir);
mkdirSync(tlcDir, { recursive: true });
for (const name of TIKTOK_EVENT_NAMES) {
  const schema = z.toJSONSchema(tlcSchemas[name], { target: 'draft-2020-12', unrepresentable: 'any' });
  const from = TLC_MESSAGE_TYPES[name];
  const doc = { $id: `https://tiksim.invalid/schemas/tlc/${name}.json`, title: `TikTok-Live-Connector "${name}" data${from ? ` (${from})` : ' (control event)'}`, ...schema };
  writeFileSync(new URL(`${name}.json`, tlcDir), `${JSON.stringify(doc, null, 2)}\n`);
}
const index = { events: EVENT_NAMES.map((n) => ({ event: n, schema: `./${n}.json` })), tlc: TIKTOK_EVENT_NAMES.map((n) => ({ event: n, schema: `./tlc/${n}.json` })) };
writeFileSync(new URL('index.json', dir), `${JSON.stringify(index, null, 2)}\n`);
console.log(`schemas: ${EVENT_NAMES.length} event schemas and ${TIKTOK_EVENT_NAMES.length} TLC-style ones in schemas/`);
