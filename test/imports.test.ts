/**
 * The import direction of STYLE.md, held by a test that reads every import: protocol/ imports nothing of ours (and no
 * node:), overlay/ and the panel import only protocol/ besides themselves and never Node code, and no module imports
 * itself round a circle (type-only imports included: a circle of types is a circle of ideas).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from './source-files.ts';

const ROOT = join(import.meta.dirname, '..');
const DIRS = ['protocol', 'testing', 'simulator', 'recorder', 'receivers', 'relay', 'overlay', 'bench', 'scripts', 'test', 'e2e'];


/** Every module a file imports: `[specifier, resolved path or null for packages]`. */
function importsOf(file: string): Array<{ spec: string; path: string | null }> {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Array<{ spec: string; path: string | null }> = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    out.push({ spec, path: spec.startsWith('.') ? resolve(dirname(file), spec) : null });
  }
  return out;
}

const all = DIRS.flatMap((d) => tsFiles(join(ROOT, d)));
const rel = (p: string) => relative(ROOT, p);
const graph = new Map(all.map((f) => [f, importsOf(f)]));

function violations(from: (f: string) => boolean, allowed: (imp: { spec: string; path: string | null }) => boolean): string[] {
  const bad: string[] = [];
  for (const [f, imps] of graph) if (from(rel(f))) for (const i of imps) if (!allowed(i)) bad.push(`${rel(f)} imports ${i.spec}`);
  return bad;
}

describe('import direction (STYLE.md)', () => {
  it('protocol/ imports nothing of ours and no Node module', () => {
    expect(violations((f) => f.startsWith('protocol/') && !f.endsWith('.test.ts'), (i) => (i.path ? rel(i.path).startsWith('protocol/') : !i.spec.startsWith('node:')))).toEqual([]);
  });

  it('overlay/ imports only itself, protocol/ and browser packages; never Node code', () => {
    expect(
      violations(
        (f) => f.startsWith('overlay/') && !f.endsWith('.test.ts') && !f.endsWith('vite.config.ts'),
        (i) => (i.path ? /^(overlay|protocol)\//.test(rel(i.path)) : !i.spec.startsWith('node:') && !/^(ws|commander|tiktok-live-connector)$/.test(i.spec)),
      ),
    ).toEqual([]);
  });

  it('the panel imports only itself and protocol/: it talks to the server over HTTP', () => {
    expect(
      violations(
        (f) => f.startsWith('simulator/panel/src/') && !f.endsWith('.test.ts'),
        (i) => (i.path ? /^(simulator\/panel\/src|protocol)\//.test(rel(i.path)) : !i.spec.startsWith('node:')),
      ),
    ).toEqual([]);
  });

  it('receivers/ and relay/ import only protocol/, simulator/, recorder/ and receivers/ (relay/ also itself)', () => {
    expect(violations((f) => f.startsWith('receivers/') && !f.endsWith('.test.ts'), (i) => !i.path || /^(protocol|simulator|recorder|receivers)\//.test(rel(i.path)))).toEqual([]);
    expect(violations((f) => f.startsWith('relay/') && !f.endsWith('.test.ts'), (i) => !i.path || /^(protocol|simulator|recorder|receivers|relay)\//.test(rel(i.path)))).toEqual([]);
  });

  it('nothing imports relay/ but relay/ itself, the CLI wiring (simulator/cli.ts) and the bench', () => {
    expect(violations((f) => !/^(relay\/|bench\/|simulator\/cli\.ts$)/.test(f) && !f.endsWith('.test.ts'), (i) => !i.path || !rel(i.path).startsWith('relay/'))).toEqual([]);
  });

  it('no import circles among the modules (tests aside)', () => {
    const nodes = all.filter((f) => !f.endsWith('.test.ts'));
    const edges = new Map(nodes.map((f) => [f, (graph.get(f) ?? []).map((i) => i.path).filter((p): p is string => p !== null && graph.has(p) && !p.endsWith('.test.ts'))]));
    // Tarjan's strongly connected components: any component of more than one module is a circle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          comp.push(rel(w));
        } while (w !== v);
        if (comp.length > 1) circles.push(comp.sort());
      }
    };
    for (const n of nodes) if (!idx.has(n)) visit(n);
    expect(circles).toEqual([]);
  });
});
