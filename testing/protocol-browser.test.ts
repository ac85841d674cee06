import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';

describe('tiksim/protocol is browser-safe', () => {
  it('bundles for the browser with no Node module pulled in', async () => {
    const warnings: string[] = [];
    const nodeImports: string[] = [];
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      // Vite swaps a Node module for an empty browser stub, so the bundle alone would hide one: watch what resolves.
      plugins: [
        {
          name: 'no-node-modules',
          enforce: 'pre',
          resolveId(id: string, importer?: string) {
            if (id.startsWith('node:') || builtinModules.includes(id)) nodeImports.push(`${id} (from ${importer ?? '?'})`);
            return null;
          },
        },
      ],
      build: {
        write: false,
        lib: { entry: new URL('../protocol/index.ts', import.meta.url).pathname, formats: ['es'], fileName: 'protocol' },
        rollupOptions: { onwarn: (w) => void warnings.push(String(w.message)) },
      },
    })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    const code = chunks.map((c) => c.code).join('\n');
    expect(nodeImports).toEqual([]);
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/__vite-browser-external|from ['"]node:|require\(['"]node:/);
    expect(chunks.flatMap((c) => c.imports)).toEqual([]);
    expect(warnings.filter((w) => /externalized for browser|node:/.test(w))).toEqual([]);
    expect(code).toContain('parseFrame');
  }, 60_000);
});
