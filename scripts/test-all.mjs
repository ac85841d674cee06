#!/usr/bin/env node
// `npm test`: unit tests (vitest), end-to-end tests (Playwright), then the packed package installed into the example
// project and its own tests run there; then one line `N passed, N failed` covering all three.
// Exits non-zero when any test failed or a runner could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join('test-results', 'summary');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const vitestJson = join(out, 'vitest.json');
const pwJson = join(out, 'playwright.json');
const onlyUnit = process.argv.includes('--unit');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

let passed = 0;
let failed = 0;
let broken = false;

const vCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  if (vCode !== 0 && v.numFailedTests === 0) broken = true;
} else broken = true;

if (!onlyUnit) {
  const build = run('npm', ['run', '--silent', 'build']);
  if (build !== 0) broken = true;
  const pCode = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const p = JSON.parse(readFileSync(pwJson, 'utf8'));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
    if (pCode !== 0 && !(p.stats?.unexpected > 0)) broken = true;
  } else broken = true;
}

if (!onlyUnit) {
  // The package as a user gets it: packed, installed into a copy of examples/overlay, its own tests run there.
  const packJson = join(out, 'pack.json');
  run('node', ['scripts/pack-example-test.mjs']);
  if (existsSync(packJson)) {
    const k = JSON.parse(readFileSync(packJson, 'utf8'));
    passed += k.passed;
    failed += k.failed;
    if (k.broken) broken = true;
  } else broken = true;
}

if (broken) console.error('a test runner failed to run (see its output above)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
