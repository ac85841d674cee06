#!/usr/bin/env node
// `npm test`: unit tests (vitest), end-to-end tests (Playwright), then the packed package installed into the example
// project and its own tests run there; then one line `N passed, N failed` covering all three.
// Exits non-zero when any test failed or a runner could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

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
/** `runner › file › test: first line of the error` for each failure, printed again just above the summary line. */
const failures = [];
/** Tests that failed and then passed on a retry: counted as passed, named so they can be fixed. */
const flaky = [];
const firstLine = (msg) => String(msg ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '';

const vCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  for (const file of v.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') failures.push(`vitest › ${relative(process.cwd(), file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) failures.push(`vitest › ${relative(process.cwd(), file.name)}: ${firstLine(file.message)}`);
  }
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
    // Top-level suites are files; nested ones are describe() blocks, whose titles lead the test's.
    const walk = (suite, titles) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
          const bad = t.status === 'flaky' ? t.results?.find((r) => r.status !== 'passed') : t.results?.at(-1);
          const err = bad?.error?.message ?? bad?.errors?.[0]?.message;
          (t.status === 'flaky' ? flaky : failures).push(`playwright › ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(err)}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    };
    for (const s of p.suites ?? []) walk(s, []);
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

if (flaky.length) {
  console.log(`\nflaky, passed on a retry (${flaky.length}):`);
  for (const f of flaky) console.log(`  ~ ${f.slice(0, 400)}`);
}
if (failures.length) {
  console.log(`\nfailed (${failures.length}):`);
  for (const f of failures) console.log(`  ✗ ${f.slice(0, 400)}`);
}
if (broken) console.error('a test runner failed to run (see its output above)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
