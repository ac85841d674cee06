/**
 * Fills a sparse TLC-style object with the defaults tiktok-live-proto's decoder would give it, so the library's own
 * encoder accepts it (ts-proto's encode expects every scalar present). The field → message-type links are read from
 * the library's generated encoders (node_modules/tiktok-live-proto/dist/node/v3.js), so no schema is copied here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as TLC from 'tiktok-live-connector';

/** A ts-proto codec. */
export interface Codec {
  encode(m: unknown): { finish(): Uint8Array };
  decode(b: Uint8Array): Record<string, unknown>;
}

const codecs = TLC as unknown as Record<string, Codec | undefined>;
type Link = { kind: 'one' | 'many' | 'map'; type: string };

function readLinks(): Map<string, Map<string, Link>> {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('tiktok-live-connector/package.json'));
  const v3 = readFileSync(join(pkg, '..', 'tiktok-live-proto', 'dist', 'node', 'v3.js'), 'utf8');
  const out = new Map<string, Map<string, Link>>();
  for (const m of v3.matchAll(/\nconst (\w+) = \{\n\tencode\(message, writer = new BinaryWriter\(\)\) \{\n([\s\S]*?)\n\t\treturn writer;/g)) {
    const links = new Map<string, Link>();
    const body = m[2]!;
    for (const x of body.matchAll(/if \(message\.(\w+) !== void 0\) (\w+)\.encode\(message\.\1/g)) links.set(x[1]!, { kind: 'one', type: x[2]! });
    for (const x of body.matchAll(/for \(const v of message\.(\w+)\) (\w+)\.encode\(v/g)) links.set(x[1]!, { kind: 'many', type: x[2]! });
    for (const x of body.matchAll(/Object\.entries\(message\.(\w+)\)\.forEach\(\(\[key, value\]\) => \{\s*(\w+)\.encode\(/g)) links.set(x[1]!, { kind: 'map', type: x[2]! });
    out.set(m[1]!, links);
  }
  return out;
}

let LINKS: Map<string, Map<string, Link>> | null = null;

/** The codec of a message type the library exports. */
export function codecOf(type: string): Codec {
  const c = codecs[type];
  if (!c) throw new Error(`tiktok-live-connector exports no ${type}`);
  return c;
}

/** `o` with the decoder's defaults under every field it leaves out, at every depth, for message type `type`. */
export function withDefaults(type: string, o: unknown): Record<string, unknown> {
  LINKS ??= readLinks();
  const base = codecOf(type).decode(new Uint8Array(0));
  const src = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
  const links = LINKS.get(type) ?? new Map<string, Link>();
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(src)) {
    const l = links.get(k);
    if (!l || v === undefined) out[k] = v;
    else if (l.kind === 'one') out[k] = withDefaults(l.type, v);
    else if (l.kind === 'many') out[k] = (v as unknown[]).map((e) => withDefaults(l.type, e));
    else {
      const valueType = LINKS.get(l.type)?.get('value');
      out[k] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([mk, mv]) => [mk, valueType ? withDefaults(valueType.type, mv) : mv]));
    }
  }
  return out;
}

/** Encodes a sparse TLC-style object with the library's encoder and decodes it back: what TLC would emit for it. */
export function roundTrip(type: string, o: unknown): Record<string, unknown> {
  const c = codecOf(type);
  return c.decode(c.encode(withDefaults(type, o)).finish());
}
