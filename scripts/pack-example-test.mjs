#!/usr/bin/env node
// The package as a user gets it: packs tiksim (npm pack runs the build), installs the tarball into a copy of
// examples/overlay in a temporary folder, and runs that project's own Playwright tests there.
// Prints `pack-example: N passed, N failed` and writes test-results/summary/pack.json ({passed, failed}).
// Usage: node scripts/pack-example-test.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'tiksim-pack-'));
const summary = join(root, 'test-results', 'summary', 'pack.json');
mkdirSync(join(root, 'test-results', 'summary'), { recursive: true });

function run(cmd, args, cwd, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`pack-example: ${cmd} ${args.join(' ').replace(/\s+/g, ' ').slice(0, 80)} → ${r.status} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
}

function done(passed, failed, why) {
  if (why) console.error(`pack-example: ${why}`);
  writeFileSync(summary, JSON.stringify({ passed, failed, broken: !!why }));
  console.log(`pack-example: ${passed} passed, ${failed} failed`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`pack-example: kept ${work}`);
  process.exit(failed > 0 || why ? 1 : 0);
}

if (run('npm', ['pack', '--silent', '--pack-destination', work], root) !== 0) done(0, 0, 'npm pack failed');
const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
if (!tarball) done(0, 0, 'npm pack made no tarball');

const app = join(work, 'app');
cpSync(join(root, 'examples', 'overlay'), app, { recursive: true, filter: (s) => !/node_modules|test-results/.test(s) });
const pkgPath = join(app, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
// The example names tiksim by version, as a user's project does; here it is the tarball just packed.
pkg.devDependencies.tiksim = `file:../${tarball}`;
// The same Playwright as this repository, so the browser and its flags are the ones the suite knows.
pkg.devDependencies['@playwright/test'] = JSON.parse(readFileSync(join(root, 'node_modules/@playwright/test/package.json'), 'utf8')).version;
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
if (run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app) !== 0) done(0, 0, 'npm install of the tarball failed');

// Nothing of the clone may be used: the installed package must stand on its own (compiled JS, built overlay).
const installed = join(app, 'node_modules', 'tiksim');
for (const must of ['testing/playwright.js', 'protocol/index.js', 'dist/overlay/index.html', 'dist/panel/index.html', 'schemas/gift.json']) {
  if (!existsSync(join(installed, must))) done(0, 0, `the package lacks ${must}`);
}
for (const mustNot of ['simulator/cli.ts', 'e2e', 'bench', 'test', 'node_modules/tsx']) {
  if (existsSync(join(installed, mustNot))) done(0, 0, `the package holds ${mustNot}, which it must not`);
}

// Plain Node ESM, no TypeScript loader: the API starts a simulator, and the protocol parses a frame.
const esm = `import { startSimulator } from 'tiksim'; import { parseFrame } from 'tiksim/protocol';
const sim = await startSimulator({ seed: 1, paused: true }); const r = await sim.fire({ event: 'chat', data: { comment: 'hi' } });
if (!parseFrame(r.frames[0]).ok) throw new Error('frame did not parse'); await sim.close(); console.log('pack-example: plain ESM import works');`;
if (run('node', ['--input-type=module', '-e', esm], app) !== 0) done(0, 0, 'importing tiksim in plain Node ESM failed');

const results = join(app, 'test-results', 'results.json');
const code = run('npx', ['playwright', 'test'], app, { CI: 'true' });
if (!existsSync(results)) done(0, 0, `the example's tests did not run (exit ${code})`);
const stats = JSON.parse(readFileSync(results, 'utf8')).stats ?? {};
done((stats.expected ?? 0) + (stats.flaky ?? 0), stats.unexpected ?? 0, code !== 0 && !(stats.unexpected > 0) ? `playwright exited ${code}` : undefined);
