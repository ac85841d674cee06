import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { frameLine, makeHeader } from '../../recorder/format.ts';
import { tempDir } from '../../test/faults/helpers.ts';
import { startSim } from '../../test/faults/sim-cases.ts';

describe('a recorded binary frame is replayed as binary', () => {
  it('text, binary, text arrive in order; the binary one byte for byte, as a binary frame', async () => {
    const dir = join(tempDir('tiksim-bin-'), 'rec');
    mkdirSync(dir);
    const bytes = Buffer.from([0x08, 0x96, 0x01, 0xff, 0x00, 0xc3, 0x28]);
    const lines = [
      JSON.stringify(makeHeader('test', 1_700_000_000_000, 'tiksim test')),
      frameLine(0, '{"event":"chat","data":{"comment":"a"}}'),
      JSON.stringify({ type: 'binary', t: 5, b64: bytes.toString('base64') }),
      frameLine(10, '{"event":"chat","data":{"comment":"b"}}'),
    ];
    writeFileSync(join(dir, 'events.jsonl'), `${lines.join('\n')}\n`);
    const sim = await startSim({ paused: true, replay: { recording: dir, instant: true } });
    try {
      const got: Array<{ binary: boolean; data: Buffer }> = [];
      const ws = new WebSocket(sim.wsUrl);
      ws.on('message', (d, isBinary) => got.push({ binary: isBinary, data: Buffer.from(d as Buffer) }));
      const end = Date.now() + 5000;
      while (got.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      ws.close();
      expect(got.map((g) => g.binary)).toEqual([false, true, false]);
      expect(got[1]!.data.equals(bytes)).toBe(true);
      expect(got[2]!.data.toString()).toContain('"comment":"b"');
    } finally {
      await sim.close();
    }
  });
});
