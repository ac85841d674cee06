import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  absurdOffsetCase,
  anonymizeCrashCase,
  anonymizeLeakCase,
  diskFullCase,
  fetchPolicyCase,
  gapReasonsCase,
  killNineCase,
  mediaDiskFullCase,
  midBurstKillCase,
  restartsCase,
  tokenSourceCase,
  unmakeableOutCase,
} from './recorder-cases.ts';
import { runCli, tempDir } from './helpers.ts';

describe('recorder faults', () => {
  it('three upstream restarts: three gaps, and every frame sent while connected is on disk, exactly, in order', async () => {
    const r = await restartsCase(3, 400);
    expect(r).toEqual({ frames: 1600, gaps: 3 });
  });

  it('upstream killed mid-burst twice: each phase on disk is an exact prefix of what it sent, then a gap', async () => {
    const r = await midBurstKillCase(2, 1500);
    expect(r.frames).toBeGreaterThan(0);
    expect(r.frames).toBeLessThan(r.sent);
  });

  it('kill -9 of `tiksim record` while frames stream in: an exact prefix of what was sent, at most one line cut', async () => {
    const [fast, quiet] = await Promise.all([killNineCase({ killAfterBytes: 300_000 }), killNineCase({ killAfterBytes: 0, quiesce: 500 })]);
    expect(fast.frames).toBeGreaterThan(500);
    expect(quiet).toEqual({ frames: 500, cut: false });
  });

  it('a full disk stops `tiksim record` with exit 1, a message naming the file, and whole earlier lines', async () => {
    const r = await diskFullCase();
    expect(r.frames).toBeGreaterThan(50);
    expect(r.stderr).toMatch(/recorded \d+ frames/);
  });

  it('an --out inside a regular file exits 1 and says so; an existing recording is never overwritten', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    mkdirSync(join(base, 'old'));
    writeFileSync(join(base, 'old', 'events.jsonl'), 'keep me\n');
    const a = runCli(['record', '--from', 'ws://127.0.0.1:9/', '--out', join(base, 'file', 'rec'), '--no-media']);
    const b = runCli(['record', '--from', 'ws://127.0.0.1:9/', '--out', join(base, 'old'), '--no-media']);
    expect(await a.exit).toBe(1);
    expect(a.err()).toMatch(/part of .*file.* is a file, not a folder; choose another folder with --out/);
    expect(await b.exit).toBe(1);
    expect(b.err()).toMatch(/events\.jsonl already exists; choose a new folder with --out/);
  });

  it('an --out where no folder can be made (/proc/x) exits 1 at once, saying so', async () => {
    const r = await unmakeableOutCase();
    expect(r.ms).toBeLessThan(5000);
  });
});

describe('recorder security probes (issue 11)', () => {
  it('probe 5: only image fields, only TikTok\'s CDN over https or the recorded server (with its token); no redirect off the list, images only, capped', async () => {
    const r = await fetchPolicyCase();
    expect(r).toEqual({ captured: 6, skipped: 5, failed: 4, attackerHits: 0 });
  });

  it('probe 6: anonymize leaves no known name anywhere (order does not matter), replaces header name and source, drops bad frames unless --keep-bad', async () => {
    expect(await anonymizeLeakCase()).toEqual({ dropped: 2, keptWithFlag: 2 });
  });

  it('probe 6: anonymize killed mid-way leaves nothing that blocks a rerun; an existing target names --out, which works', async () => {
    const r = await anonymizeCrashCase();
    expect(r.killedAtBytes).toBeGreaterThan(0);
  }, 90_000);

  it('probe 7: a token in --from is never written, printed or shown by inspect (old recordings included)', async () => {
    expect(await tokenSourceCase()).toEqual({ frames: 3 });
  });

  it('each outage\'s gap marker carries its own close reason', async () => {
    expect(await gapReasonsCase()).toHaveLength(3);
  });

  it('inspect of offsets 1e308, 5e9 and 1e309 answers at once, naming the bad lines', async () => {
    expect(await absurdOffsetCase()).toEqual({ offsets: 3 });
  });

  it('a full disk while an image is written leaves no partial file in media/ and notes the failure', async () => {
    const r = await mediaDiskFullCase();
    expect(r.files).toContain('index.json');
  });
});
