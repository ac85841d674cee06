/**
 * Durability with the real CLI in a child process: the relay is killed with SIGKILL while its outbox holds a backlog
 * (the receiver is slow), restarted on the same database, and every event it had accepted reaches the receiver, in
 * order, signed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSecret } from './sign.ts';
import { startTestReceiver, type TestReceiver } from './test-helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const children: ChildProcess[] = [];
let hook: TestReceiver | null = null;
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await hook?.close();
});

/** Starts `tiksim relay` and resolves once it listens. */
function relay(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/tiksim.js'), 'relay', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (l) => {
      if (l.includes('"msg":"listening"')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`relay exited ${code}: ${err}`)));
  });
}

const until = async (pred: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 20));
  }
};

describe('relay durability', () => {
  it('kill -9 mid-stream loses no accepted event: after a restart everything pending goes out, in order', { timeout: 60_000 }, async () => {
    const secret = generateSecret();
    hook = await startTestReceiver(secret);
    // Slow enough that the outbox builds a backlog the kill interrupts.
    hook.answer = () => ({ status: 204, delayMs: 8 });
    const db = join(mkdtempSync(join(tmpdir(), 'tiksim-kill-')), 'relay.db');
    const args = ['--simulate', '--seed', '5', '--rates', 'chat=150,like=50', '--db', db, '--webhook-url', hook.url, '--webhook-secret', secret, '--port', '0', '--json', '--retry-scale', '0.001', '--no-env-file'];
    const first = await relay(args);
    const count = () => {
      const d = new Database(db, { readonly: true });
      try {
        return (d.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      } finally {
        d.close();
      }
    };
    await until(() => hook!.got.length >= 30 && count() > hook!.got.length + 50, 'a backlog');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const d = new Database(db, { readonly: true });
    const accepted = (d.prepare('SELECT id FROM events ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id);
    const pending = (d.prepare("SELECT count(*) AS n FROM deliveries WHERE state = 'pending'").get() as { n: number }).n;
    d.close();
    const gotBefore = new Set(hook.got.map((g) => g.id));
    expect(pending).toBeGreaterThan(20);
    expect(accepted.filter((id) => !gotBefore.has(id)).length).toBeGreaterThan(20);

    hook.answer = () => ({ status: 204 });
    const second = await relay(args);
    await until(() => {
      const got = new Set(hook!.got.map((g) => g.id));
      return accepted.every((id) => got.has(id));
    }, 'every accepted event delivered after the restart');
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));

    // Each event at least once (the one in flight at the kill may come twice), in the order accepted, all signed.
    const firstSeen: string[] = [];
    const seen = new Set<string>();
    for (const g of hook.got) if (!seen.has(g.id)) (seen.add(g.id), firstSeen.push(g.id));
    const acceptedSet = new Set(accepted);
    expect(firstSeen.filter((id) => acceptedSet.has(id))).toEqual(accepted);
    expect(hook.got.length - seen.size).toBeLessThanOrEqual(1);
    expect(hook.got.every((g) => g.verified)).toBe(true);
  });
});
