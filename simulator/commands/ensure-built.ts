import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dev' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    // The package's compiled output (npm run build:lib) beside a source is no source of the overlay or panel.
    if (/\.(js|d\.ts)$/.test(e.name) && existsSync(p.replace(/\.(d\.ts|js)$/, '.ts'))) continue;
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the overlay and panel (npm run build) when dist/ is missing or older than their sources. */
export async function ensureBuilt(): Promise<void> {
  // The installed package ships the built overlay and panel and no sources: nothing to build, ever.
  if (!existsSync(join(root, 'overlay', 'main.ts'))) {
    if (!existsSync(join(root, 'dist/overlay/index.html')) || !existsSync(join(root, 'dist/panel/index.html'))) {
      process.stderr.write('tiksim: this installation lacks its built overlay and panel (dist/); reinstall tiksim.\n');
      process.exit(1);
    }
    return;
  }
  const targets = [
    { out: join(root, 'dist/overlay/index.html'), src: [join(root, 'overlay'), join(root, 'protocol')] },
    { out: join(root, 'dist/panel/index.html'), src: [join(root, 'simulator/panel'), join(root, 'protocol')] },
  ];
  const stale = targets.some((t) => !existsSync(t.out) || t.src.some((s) => existsSync(s) && newest(s) > statSync(t.out).mtimeMs));
  if (!stale) return;
  process.stdout.write('tiksim: building the overlay and panel (npm run build)...\n');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('tiksim: the build failed (see above); fix it or run "npm run build" by hand.\n');
    process.exit(1);
  }
}
