#!/usr/bin/env node
// `npm run mutate`: a small mutation check. Each mutation below is a deliberate bug (exact text in one file, replaced)
// and the vitest files expected to catch it. One at a time, the bug goes into a temporary copy of the working tree
// (node_modules symlinked; the real tree is never touched), the named files run there, and the mutation is caught
// when they fail. Prints a table and the score; exits 1 when a mutation survives.
//   npm run mutate                      every mutation
//   npm run mutate -- like-16 replay    only those ids
//   npm run mutate -- --list            the list, without running anything
// A mutation whose text is no longer in its file (the code moved on) shows as "stale" and does not count: update it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const RECORDER_TESTS = ['recorder/every-frame.test.ts', 'recorder/record.test.ts', 'recorder/integration.test.ts', 'test/faults/recorder.test.ts'];
const SIM_GIFT_TESTS = ['simulator/generator-room.test.ts', 'simulator/events/gift.test.ts', 'simulator/events/basic-kinds.test.ts', 'simulator/engine.test.ts', 'simulator/fire.test.ts'];

/**
 * The mutations. `edits` are applied together to the file as it is: each `search` must occur exactly once.
 * `issue: true` marks the deliberate bugs listed in issue 13.
 */
const MUTATIONS = [
  {
    id: 'frame-null',
    issue: true,
    what: 'parseFrame: no `raw === null` guard',
    file: 'protocol/frame.ts',
    edits: [{ search: 'if (raw === null || typeof raw', replace: 'if (typeof raw' }],
    tests: ['protocol/frame.test.ts'],
  },
  {
    id: 'replay-reserialise',
    issue: true,
    what: 'replay re-serialises each frame',
    file: 'simulator/replay/replayer.ts',
    edits: [{ search: 'let text = e.frame;', replace: 'let text = JSON.stringify(JSON.parse(e.frame));' }],
    tests: ['simulator/replay/replay-bytes.test.ts', 'simulator/replay/replayer.test.ts'],
  },
  {
    id: 'recorder-dedupe',
    issue: true,
    what: 'recorder drops a frame equal to the one before',
    file: 'recorder/record.ts',
    edits: [
      {
        search: 'private onFrame(text: string): void {\n',
        replace:
          'private onFrame(text: string): void {\n    const self = this as unknown as { lastText?: string };\n    if (self.lastText === text) return;\n    self.lastText = text;\n',
      },
    ],
    tests: RECORDER_TESTS,
  },
  {
    id: 'recorder-binary',
    issue: true,
    what: 'recorder drops binary frames',
    file: 'recorder/record.ts',
    edits: [{ search: "ws.on('message', (data, isBinary) => {\n", replace: "ws.on('message', (data, isBinary) => {\n      if (isBinary) return;\n" }],
    tests: RECORDER_TESTS,
  },
  {
    // The overlay's streaks (and the simulator's credit) count by protocol's one rule since f76f824: the issue's
    // `giftType !== 1` → `giftType === 2` in overlay/logic/streaks.ts now lives here.
    id: 'countable-type',
    issue: true,
    what: 'gift counting rule (overlay streaks, simulator credit): `giftType !== 1` → `giftType === 2`',
    file: 'protocol/events/gift.ts',
    edits: [{ search: 'return g.giftType !== 1 || g.repeatEnd;', replace: 'return g.giftType === 2 || g.repeatEnd;' }],
    tests: ['protocol/frame.test.ts', 'overlay/logic/streaks.test.ts', 'simulator/events/gift.test.ts'],
  },
  {
    id: 'like-16',
    issue: true,
    what: 'fired likes draw 1 to 16',
    file: 'simulator/events/like.ts',
    edits: [{ search: ': rng.int(1, 15), t)', replace: ': rng.int(1, 16), t)' }],
    tests: ['simulator/fire-likes.test.ts', 'simulator/fire.test.ts'],
  },
  {
    id: 'tiktok-follow-share',
    issue: true,
    what: 'tiktok-map swaps follow and share',
    file: 'recorder/tiktok-map.ts',
    edits: [
      { search: "if (dt.includes('follow')) {", replace: "if (dt.includes('share')) {" },
      { search: "if (dt.includes('share')) return", replace: "if (dt.includes('follow')) return" },
    ],
    tests: ['recorder/tiktok-map.test.ts', 'recorder/decode.test.ts', 'recorder/tiktok-record.test.ts'],
  },
  // protocol/
  {
    id: 'frame-array',
    what: 'parseFrame takes a JSON array for an object',
    file: 'protocol/frame.ts',
    edits: [{ search: " || Array.isArray(raw)) {\n    return { ok: false, error: 'frame is not a JSON object' };", replace: ") {\n    return { ok: false, error: 'frame is not a JSON object' };" }],
    tests: ['protocol/frame.test.ts'],
  },
  {
    id: 'frame-novalidate-null',
    what: 'parseFrame {validate:false} accepts `"data":null`',
    file: 'protocol/frame.ts',
    edits: [{ search: "if (data === null || typeof data !== 'object') return", replace: "if (typeof data !== 'object') return" }],
    tests: ['protocol/frame.test.ts', 'overlay/net/frame-guard.test.ts'],
  },
  {
    id: 'like-schema-max',
    what: 'like schema allows 16 likes',
    file: 'protocol/events/like.ts',
    edits: [{ search: '.max(15)', replace: '.max(16)' }],
    tests: ['protocol/frame.test.ts', 'simulator/fire-likes.test.ts'],
  },
  {
    id: 'overlay-streak-key',
    what: 'overlay keys type-4 gifts as streaks (`giftType === 1` → `giftType !== 2`)',
    file: 'overlay/logic/streaks.ts',
    edits: [{ search: 'return g.giftType === 1 ? `', replace: 'return g.giftType !== 2 ? `' }],
    tests: ['overlay/logic/streaks.test.ts'],
  },
  {
    id: 'gift-case',
    what: 'findGift is case-sensitive',
    file: 'protocol/gift-catalog.ts',
    edits: [{ search: 'return byName.get(idOrName.trim().toLowerCase());', replace: 'return byName.get(idOrName.trim());' }],
    tests: ['protocol/frame.test.ts'],
  },
  {
    id: 'serialize-order',
    what: 'serializeFrame puts data before event',
    file: 'protocol/frame.ts',
    edits: [{ search: 'return `{"event":${JSON.stringify(event)},"data":${JSON.stringify(data)}}`;', replace: 'return `{"data":${JSON.stringify(data)},"event":${JSON.stringify(event)}}`;' }],
    tests: ['protocol/frame.test.ts'],
  },
  // The simulator's streaks and leaderboard.
  {
    id: 'streak-coins',
    what: 'a streak credits one gift, not diamonds × count',
    file: 'simulator/generator-streaks.ts',
    edits: [{ search: 'const value = s.gift.gift.diamondCount * s.count;', replace: 'const value = s.gift.gift.diamondCount;' }],
    tests: SIM_GIFT_TESTS,
  },
  {
    id: 'streak-extra-tap',
    what: 'a streak sends one tap more than its length',
    file: 'simulator/generator-streaks.ts',
    edits: [{ search: 'if (s.count < s.total) {', replace: 'if (s.count <= s.total) {' }],
    tests: SIM_GIFT_TESTS,
  },
  {
    id: 'streak-end-flag',
    what: 'non-streak gifts arrive with repeatEnd:true',
    file: 'simulator/generator-streaks.ts',
    edits: [{ search: 'const repeatEnd = s.gift.gift.type === 1;', replace: 'const repeatEnd = true;' }],
    tests: SIM_GIFT_TESTS,
  },
  {
    id: 'streak-lost-end-credit',
    what: 'a streak whose end is lost is never credited',
    file: 'simulator/generator-streaks.ts',
    edits: [{ search: 'this.credit(s, tf); // the end frame is lost', replace: '// the end frame is lost' }],
    tests: SIM_GIFT_TESTS,
  },
  {
    id: 'leaderboard-tie',
    what: 'leaderboard ties go to the later viewer',
    file: 'simulator/generator-room.ts',
    edits: [{ search: '(coins === than.coins && index < than.index)', replace: '(coins === than.coins && index > than.index)' }],
    tests: SIM_GIFT_TESTS,
  },
  {
    id: 'leaderboard-cap',
    what: 'leaderboard grows past 10',
    file: 'simulator/generator-room.ts',
    edits: [
      { search: 'if (top.length >= TOP_VIEWER_COUNT && !better(c, index, top[top.length - 1])) return;', replace: '' },
      { search: 'if (top.length > TOP_VIEWER_COUNT) top.length = TOP_VIEWER_COUNT;', replace: '' },
    ],
    tests: SIM_GIFT_TESTS,
  },
];

/** Applies edits to `text`, each search found exactly once in the original. Returns null, saying why, when stale. */
function applyEdits(text, edits) {
  const spots = [];
  for (const e of edits) {
    const at = text.indexOf(e.search);
    if (at < 0) return { error: `text not found: ${JSON.stringify(e.search.slice(0, 60))}` };
    if (text.indexOf(e.search, at + 1) >= 0) return { error: `text found more than once: ${JSON.stringify(e.search.slice(0, 60))}` };
    spots.push({ at, end: at + e.search.length, replace: e.replace });
  }
  spots.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const s of spots) {
    if (s.at < from) return { error: 'edits overlap' };
    out += text.slice(from, s.at) + s.replace;
    from = s.end;
  }
  return { text: out + text.slice(from) };
}

/** Copies the working tree (as it is, others' edits included) without node_modules, .git and build output. */
function copyTree() {
  const dir = mkdtempSync(join(tmpdir(), 'tiksim-mutate-'));
  const skip = new Set(['node_modules', '.git', 'dist', 'test-results', 'playwright-report']);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !(dirname(src) === ROOT && skip.has(src.slice(ROOT.length + 1))) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

/** Runs vitest files in `cwd`; returns the failed tests' names ('' entries for files that failed to load). */
function runVitest(cwd, files) {
  const out = join(cwd, '.mutation-result.json');
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [VITEST, 'run', '--maxWorkers=1', '--reporter=json', `--outputFile=${out}`, ...files], {
    cwd,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (r.error?.code === 'ETIMEDOUT') return { failed: ['(timed out after 10 minutes)'], code: -1 };
  const failed = [];
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    for (const f of j.testResults ?? []) {
      const rel = f.name.startsWith(cwd) ? f.name.slice(cwd.length + 1) : f.name;
      const bad = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
      if (bad.length) for (const a of bad) failed.push(`${rel} > ${a.fullName ?? a.title}`);
      else if (f.status === 'failed') failed.push(`${rel} (did not run: ${String(f.message ?? '').split('\n')[0].slice(0, 80)})`);
    }
  }
  if (r.status !== 0 && failed.length === 0) failed.push(`(vitest exited ${r.status}: ${(r.stderr || '').trim().split('\n').pop()?.slice(0, 100) ?? ''})`);
  return { failed, code: r.status };
}

function table(rows, head) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const args = process.argv.slice(2);
const ids = args.filter((a) => !a.startsWith('--'));
const unknown = ids.filter((id) => !MUTATIONS.some((m) => m.id === id));
if (unknown.length) {
  console.error(`mutation-check: unknown mutation id(s) ${unknown.join(', ')}; ids: ${MUTATIONS.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const chosen = ids.length ? MUTATIONS.filter((m) => ids.includes(m.id)) : MUTATIONS;
if (args.includes('--list')) {
  // Read-only: whether each mutation still applies to the working tree as it is.
  const state = (m) => {
    const p = join(ROOT, m.file);
    const r = existsSync(p) ? applyEdits(readFileSync(p, 'utf8'), m.edits) : { error: 'file not found' };
    return r.error ? `stale: ${r.error}` : 'applies';
  };
  console.log(table(chosen.map((m) => [m.id, m.issue ? 'issue 13' : '', m.file, m.what, m.tests.join(' '), state(m)]), ['id', '', 'file', 'bug', 'tests', 'state']));
  process.exit(0);
}

const dir = copyTree();
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

// Baseline: the named files must pass on the unmutated tree, or a failure would prove nothing.
const allTests = [...new Set(chosen.flatMap((m) => m.tests))].filter((f) => existsSync(join(dir, f)));
console.log(`mutation-check: baseline run of ${allTests.length} test files in ${dir}`);
const base = runVitest(dir, allTests);
const brokenFiles = new Set(base.failed.map((f) => f.split(/ > | \(/)[0]));
if (base.failed.length) console.log(`mutation-check: failing before any mutation (left out of the check):\n  ${base.failed.join('\n  ')}`);

const rows = [];
let caught = 0;
let survived = 0;
for (const m of chosen) {
  const path = join(dir, m.file);
  const tests = m.tests.filter((f) => existsSync(join(dir, f)) && !brokenFiles.has(f));
  const missing = m.tests.filter((f) => !existsSync(join(dir, f)));
  const note = missing.length ? ` (no ${missing.join(', ')})` : '';
  let result;
  let by = '';
  const original = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const mutated = original === null ? { error: 'file not found' } : applyEdits(original, m.edits);
  if (mutated.error) {
    result = 'stale';
    by = `${mutated.error}; update the mutation`;
  } else if (tests.length === 0) {
    result = 'survived';
    survived++;
    by = `no runnable test file${note}`;
  } else {
    process.stdout.write(`mutation-check: ${m.id} ... `);
    writeFileSync(path, mutated.text);
    try {
      const r = runVitest(dir, tests);
      if (r.failed.length) {
        result = 'caught';
        caught++;
        by = r.failed[0] + (r.failed.length > 1 ? ` (+${r.failed.length - 1} more)` : '');
      } else {
        result = 'survived';
        survived++;
        by = `passed: ${tests.join(', ')}${note}`;
      }
    } finally {
      writeFileSync(path, original);
    }
    console.log(result);
  }
  rows.push([m.id, m.issue ? 'yes' : '', m.what, result, by.length > 150 ? `${by.slice(0, 147)}...` : by]);
}

console.log('');
console.log(table(rows, ['mutation', 'issue 13', 'bug', 'result', 'caught by / note']));
const run = caught + survived;
const stale = rows.filter((r) => r[3] === 'stale').length;
console.log('');
console.log(`Mutation score: ${caught}/${run} caught (${run ? Math.round((100 * caught) / run) : 0}%)${stale ? `, ${stale} stale` : ''}.`);
process.exit(survived > 0 || stale > 0 ? 1 : 0);
