import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENTS_FILE, makeHeader } from './format.ts';
import { tempDir } from './test-helpers.ts';
import { RecordingWriter } from './writer.ts';

/** The file a writer makes of `frames`, each given the way `encoding` says (the recorder gives its frames as bytes). */
async function written(frames: string[], encoding: 'utf8' | 'latin1'): Promise<Buffer> {
  const dir = join(tempDir(), encoding);
  const w = RecordingWriter.create(dir, makeHeader('test', 0, 'tiksim test'));
  for (const [i, f] of frames.entries()) {
    w.writeFrameSoon(i, encoding === 'latin1' ? Buffer.from(f, 'utf8').toString('latin1') : f, encoding);
    // Now and then a batch ends, and now and then another entry comes between frames.
    if (i % 7 === 3) await new Promise((r) => setImmediate(r));
    if (i % 11 === 5) w.writeEntry({ type: 'gap', t: i, durationMs: 1, reason: 'é test' });
  }
  w.close();
  return readFileSync(join(dir, EVENTS_FILE));
}

describe('frames given to the writer as their UTF-8 bytes (latin1)', () => {
  it('make the same file, byte for byte, as the same frames given as text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 120 }), { minLength: 1, maxLength: 30 }), async (frames) => {
        const a = await written(frames, 'utf8');
        const b = await written(frames, 'latin1');
        expect(b.equals(a)).toBe(true);
      }),
      { numRuns: 40 },
    );
    const tricky = ['{"event":"chat","data":{"comment":"ção 😀 \\" \\\\ \u0001 \u007f \u0085 \u2028 \ufeff"}}', '', '"', '\\', '\n\r\t'];
    expect((await written(tricky, 'latin1')).equals(await written(tricky, 'utf8'))).toBe(true);
  });
});
