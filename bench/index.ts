import { cpus, totalmem, platform, release } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import type { BenchPart, BenchRow } from './types.ts';

/** `npm run bench [part...]`: runs every benchmark part, prints a table and writes bench/results.md. */
const PARTS: Record<string, () => Promise<{ run: BenchPart }>> = {
  simulator: () => import('./simulator.ts'),
  'record-replay': () => import('./record-replay.ts'),
  overlay: () => import('./overlay.ts'),
  face: () => import('./face.ts'),
  faults: () => import('./faults.ts'),
  package: () => import('./package.ts'),
  relay: () => import('./relay.ts'),
  aggregate: () => import('./aggregate.ts'),
  twitch: () => import('./twitch.ts'),
};

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function machine(): string {
  let chromium = 'none';
  try {
    chromium = execSync('/usr/bin/chromium --version 2>/dev/null', { encoding: 'utf8' }).trim();
  } catch {
    /* not installed */
  }
  const cpu = cpus();
  return `${cpu.length} x ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}, ${chromium}`;
}

/** Renders rows as a markdown table. */
export function table(rows: BenchRow[]): string {
  const head = '| part | figure | value | baseline | ratio | target | ok |\n|---|---|---:|---:|---:|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.part} | ${r.figure} | ${fmt(r.value)} ${r.unit} | ${r.baseline !== undefined ? `${fmt(r.baseline)} ${r.unit}` : ''} | ${fmt(r.ratio)} | ${r.target ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'yes' : '**no**'} |`,
  );
  return [head, ...body].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(PARTS);
  for (const n of names) if (!PARTS[n]) {
    process.stderr.write(`unknown bench part "${n}"; parts: ${Object.keys(PARTS).join(', ')}\n`);
    process.exit(2);
  }
  const started = Date.now();
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const [i, name] of names.entries()) {
    const t0 = Date.now();
    const progress = (msg: string): void => {
      process.stdout.write(`[${i + 1}/${names.length} ${name} ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
    };
    progress('starting');
    try {
      const part = await PARTS[name]();
      const got = await part.run(progress);
      rows.push(...got);
      progress(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
      progress(`FAILED: ${(e as Error).stack ?? e}`);
    }
  }
  const md = [
    '# tiksim benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${machine()}; took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    'Each figure is measured beside its baseline in the same run; ratio = value / baseline.',
    '',
    table(rows),
    '',
    ...(failures.length ? ['## Parts that failed', '', ...failures.map((f) => `- ${f}`), ''] : []),
  ].join('\n');
  process.stdout.write(`\n${table(rows)}\n`);
  // Only a full run replaces results.md, so the committed table always covers every part.
  // The hand-written "## Notes" section (how noisy each row is, what holds a figure back) survives the rewrite.
  const file = new URL('./results.md', import.meta.url);
  const notes = existsSync(file) ? /\n## Notes\n[\s\S]*$/.exec(readFileSync(file, 'utf8'))?.[0] ?? '' : '';
  if (!wanted.length) writeFileSync(file, md + notes);
  if (failures.length) {
    process.stderr.write(`\n${failures.length} part(s) failed:\n${failures.join('\n')}\n`);
    process.exit(1);
  }
}

await main();
