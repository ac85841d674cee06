import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runCli } from '../../test/faults/helpers.ts';
import { startSim } from '../../test/faults/sim-cases.ts';

async function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const c = runCli(args);
  const code = await c.exit;
  return { code, out: c.out(), err: c.err() };
}

describe('tiksim fire', () => {
  it('fires a Lion from a face viewer and three chats at a real simulator; its clients get them', async () => {
    const sim = await startSim({ paused: true, token: 's3cret' });
    const ws = new WebSocket(`${sim.wsUrl}?token=s3cret`);
    const got: string[] = [];
    ws.on('message', (d) => got.push(String(d)));
    await new Promise((r) => ws.once('open', r));
    try {
      const lion = await cli(['fire', 'gift', '--gift', 'Lion', '--face', '--url', sim.url, '--token', 's3cret']);
      expect(lion).toMatchObject({ code: 0, out: 'fired gift: 1 frame(s) scheduled\n' });
      const chats = await cli(['fire', 'chat', '--comment', 'hello there', '--count', '3', '--url', sim.url, '--token', 's3cret']);
      expect(chats.code).toBe(0);
      const end = Date.now() + 3000;
      while (got.filter((t) => t.includes('hello there')).length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      expect(got.some((t) => t.includes('"giftName":"Lion"'))).toBe(true);
      expect(got.filter((t) => t.includes('"comment":"hello there"'))).toHaveLength(3);
    } finally {
      ws.close();
      await sim.close();
    }
  });

  it('the API\'s refusal, a dead server and bad flags: exit 1, 1 and 2 with what was wrong', async () => {
    const sim = await startSim({ paused: true });
    try {
      const lon = await cli(['fire', 'gift', '--gift', 'Lon', '--url', sim.url]);
      expect(lon.code).toBe(1);
      expect(lon.err).toBe('tiksim fire: E_UNKNOWN_GIFT: unknown gift "Lon"; did you mean "Lion"?\n');
    } finally {
      await sim.close();
    }
    const dead = await cli(['fire', 'chat', '--url', 'http://127.0.0.1:1']);
    expect(dead.code).toBe(1);
    expect(dead.err).toMatch(/no simulator answers at http:\/\/127\.0\.0\.1:1; start one with `tiksim serve`/);
    const bad = await cli(['fire', 'gifts']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown event "gifts"/);
  });

  it('fires a TikTok kind at an --all-kinds simulator; a default one refuses it naming the flag (exit 1)', async () => {
    const all = await startSim({ paused: true, allKinds: true });
    const ws = new WebSocket(all.wsUrl);
    const got: string[] = [];
    ws.on('message', (d) => got.push(String(d)));
    await new Promise((r) => ws.once('open', r));
    try {
      const r = await cli(['fire', 'goalUpdate', '--data', '{"contributeCount":"10"}', '--url', all.url]);
      expect(r).toMatchObject({ code: 0, out: 'fired goalUpdate: 1 frame(s) scheduled\n' });
      const end = Date.now() + 3000;
      while (!got.some((t) => t.startsWith('{"event":"goalUpdate"')) && Date.now() < end) await new Promise((res) => setTimeout(res, 10));
      expect(got.find((t) => t.startsWith('{"event":"goalUpdate"'))).toMatch(/"contributeCount":"10"/);
    } finally {
      ws.close();
      await all.close();
    }
    const plain = await startSim({ paused: true });
    try {
      const r = await cli(['fire', 'goalUpdate', '--url', plain.url]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/E_NEEDS_ALL_KINDS: "goalUpdate" is a TikTok kind TikFinity does not forward; start the simulator with --all-kinds/);
    } finally {
      await plain.close();
    }
  });
});
