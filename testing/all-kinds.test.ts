import { describe, expect, it } from 'vitest';
import { toTlcData } from '../protocol/index.ts';
import { startSimulator, TiksimError } from './simulator.ts';

describe('startSimulator({ allKinds })', () => {
  it('fires the TikTok kinds TikFinity does not forward only when asked, as TLC-style frames', async () => {
    const plain = await startSimulator({ seed: 1, paused: true, config: null });
    try {
      await expect(plain.fire({ event: 'pollMessage' })).rejects.toMatchObject({ code: 'E_NEEDS_ALL_KINDS' });
      await expect(plain.fire({ event: 'pollMessage' })).rejects.toBeInstanceOf(TiksimError);
    } finally {
      await plain.close();
    }
    const sim = await startSimulator({ seed: 1, paused: true, config: null, allKinds: true });
    try {
      expect(sim.status().allKinds).toBe(true);
      const sent = await sim.fire({ event: 'pollMessage', data: { pollKind: 1 } });
      expect(sent.frames).toHaveLength(1);
      const frame = JSON.parse(sent.frames[0]!) as { event: string; data: unknown };
      expect(toTlcData(frame.event, frame.data)).toMatchObject({ ok: true, kind: 'pollMessage', data: { messageType: '0', pollKind: 1 } });
    } finally {
      await sim.close();
    }
  });
});
