/** `tiksim relay` and `tiksim relay test` as a user runs them: exit codes and messages. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { generateSecret } from './sign.ts';

const ROOT = join(import.meta.dirname, '..');
const tiksim = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    // Async, so a receiver in this process can answer the child.
    import('node:child_process').then(({ execFile }) => {
      execFile(process.execPath, [join(ROOT, 'bin/tiksim.js'), ...args], { cwd: ROOT, env: { ...process.env, TIKTOK_USERNAME: '', API_KEY: '', WEBHOOK_URL: '', WEBHOOK_SECRET: '', ...env } }, (e, out, err) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out, err }),
      );
    });
  });

describe('tiksim relay (CLI)', () => {
  it('refuses usage errors with exit 2 and says what to do', { timeout: 90_000 }, () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/tiksim.js'), 'relay', '--no-env-file', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TIKTOK_USERNAME: '', API_KEY: '' } });
    let r = run([]);
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/no source: give --tiktok <uniqueId> \(or TIKTOK_USERNAME\)/)]);
    r = run(['--simulate', '--host', '0.0.0.0']);
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/exposes the relay beyond this machine: set an API key/)]);
    r = run(['--simulate', '--webhook-url', 'ftp://x/']);
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/must be http:\/\/ or https:\/\//)]);
    r = run(['--from', 'ws://127.0.0.1:1/', '--seed', '3']);
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/only apply to --simulate/)]);
    r = run(['--simulate', '--keep', 'forever']);
    expect(r.status).toBe(2);
    expect(run(['--help']).stdout).toMatch(/Examples:[\s\S]*Exit codes/);
  });

  it('relay test exits 0 for a correct receiver and 1 for a sloppy one, printing the table', { timeout: 60_000 }, async () => {
    const secret = generateSecret();
    const wh = new Webhook(secret);
    const seen = new Set<string>();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const sloppy = req.url === '/sloppy';
        let status = 200;
        if (!sloppy) {
          try {
            wh.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
            const id = String(req.headers['webhook-id']);
            status = seen.has(id) ? 409 : 200;
            seen.add(id);
          } catch {
            status = 401;
          }
        }
        res.writeHead(status);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const good = await tiksim(['relay', 'test', `${base}/good`, '--secret', secret]);
      expect(good.code).toBe(0);
      expect(good.out).toMatch(/key rotation \(two signatures, the second right\)\s+accept\s+200\s+ok/);
      const bad = await tiksim(['relay', 'test', `${base}/sloppy`, '--secret', secret, '--json']);
      expect(bad.code).toBe(1);
      expect((JSON.parse(bad.out) as Array<{ ok: boolean }>).filter((r) => !r.ok)).toHaveLength(6);
    } finally {
      server.close();
    }
  });
});
