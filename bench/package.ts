/**
 * Cold start to listening: the installed package's compiled JavaScript (what `npx tiksim serve` runs in a user's
 * project) against the clone's TypeScript through tsx, each a fresh process, alternated, in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './types.ts';

const ROOT = join(import.meta.dirname, '..');

/** ms from spawn to the "listening" line. */
function coldStart(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(process.execPath, [...args, 'serve', '--port', '0', '--no-status', '--seed', '1'], { cwd: ROOT });
    let out = '';
    const timer = setTimeout(() => (c.kill('SIGKILL'), reject(new Error(`no listening line in 30 s: ${out}`))), 30_000);
    c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/listening on/.test(out)) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        c.kill('SIGKILL');
        resolve(ms);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The rows: compiled vs tsx, median of several alternated runs, with the spread. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  if (!existsSync(join(ROOT, 'simulator', 'cli.js'))) {
    progress('compiling the package (npm run build:lib)');
    const r = spawnSync('npm', ['run', '--silent', 'build:lib'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build:lib failed');
  }
  const compiled: number[] = [];
  const tsx: number[] = [];
  const runs = 7;
  for (let i = 0; i < runs; i++) {
    progress(`cold start ${i + 1}/${runs}`);
    compiled.push(await coldStart([join(ROOT, 'simulator', 'cli.js')]));
    tsx.push(await coldStart([join(ROOT, 'bin', 'tiksim.js')]));
  }
  const c = median(compiled);
  const t = median(tsx);
  const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms over ${runs} runs`;
  return [
    {
      part: 'package',
      figure: `cold start to listening, installed package's compiled JS (\`npx tiksim serve\`) vs the clone through tsx (median; compiled ${spread(compiled)}, tsx ${spread(tsx)})`,
      value: c,
      unit: 'ms',
      baseline: t,
      ratio: c / t,
      target: 'faster than tsx',
      pass: c < t,
    },
  ];
}
