import { appendFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeHeader } from './format.ts';
import { openRecording, readEntries, type ReadItem } from './reader.ts';
import { RecordingWriter } from './writer.ts';
import { tempDir } from './test-helpers.ts';

async function all(path: string): Promise<ReadItem[]> {
  const info = await openRecording(path);
  const out: ReadItem[] = [];
  for await (const it of readEntries(info)) out.push(it);
  return out;
}

describe('recording writer and reader', () => {
  it('round-trips any frame text exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 40 }), async (frames) => {
        const dir = join(tempDir(), 'r');
        const w = RecordingWriter.create(dir, makeHeader('test', 0, 'tiksim test'));
        frames.forEach((f, i) => w.writeFrame(i, f));
        w.close();
        const items = await all(dir);
        expect(items.map((i) => ('entry' in i && i.entry.kind === 'frame' ? i.entry.frame : null))).toEqual(frames);
      }),
      { numRuns: 30 },
    );
  });

  it('reads across chunk boundaries with long lines', async () => {
    const dir = join(tempDir(), 'r');
    const w = RecordingWriter.create(dir, makeHeader('test', 0, 'tiksim test'));
    const big = 'x'.repeat(700_000);
    for (let i = 0; i < 5; i++) w.writeFrame(i, big + i);
    w.close();
    const items = await all(dir);
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
    expect(items.every((i, n) => 'entry' in i && i.entry.kind === 'frame' && i.entry.frame === big + n)).toBe(true);
  });

  it('reports bad lines with their numbers and a truncated last line as such', async () => {
    const dir = join(tempDir(), 'r');
    const w = RecordingWriter.create(dir, makeHeader('test', 0, 'tiksim test'));
    w.writeFrame(1, '{"event":"chat"}');
    w.close();
    const file = join(dir, 'events.jsonl');
    appendFileSync(file, 'not json\n{"t":-1,"frame":"x"}\n{"type":"bogus","t":1}\n{"t":5,"frame":"ok"}\n{"t":6,"fra');
    const items = await all(dir);
    const bad = items.filter((i): i is Extract<ReadItem, { bad: string }> => 'bad' in i);
    expect(bad.map((b) => b.line)).toEqual([3, 4, 5, 7]);
    expect(bad[0]!.bad).toMatch(/^not JSON/);
    expect(bad[1]!.bad).toBe('frame: t: Too small: expected number to be >=0');
    expect(bad[2]!.bad).toMatch(/unknown entry type "bogus"/);
    expect(bad[3]!.truncated).toBe(true);
    expect(bad[3]!.bad).toMatch(/^truncated last line/);
    expect(items.filter((i) => 'entry' in i)).toHaveLength(2);
  });

  it('rejects a missing recording, a bad header and a newer version with codes', async () => {
    await expect(openRecording('/nonexistent/rec')).rejects.toMatchObject({ code: 'E_REC_NOT_FOUND' });
    const dir = tempDir();
    writeFileSync(join(dir, 'events.jsonl'), '{"hello":1}\n');
    await expect(openRecording(dir)).rejects.toMatchObject({ code: 'E_REC_BAD_HEADER', message: expect.stringMatching(/events.jsonl:1: not a tiksim recording header/) });
    const d2 = tempDir();
    writeFileSync(join(d2, 'events.jsonl'), JSON.stringify({ ...makeHeader('x', 0, 't'), version: 99 }) + '\n');
    await expect(openRecording(d2)).rejects.toMatchObject({ code: 'E_REC_VERSION' });
  });

  it('refuses to overwrite a recording and explains an unwritable folder', () => {
    const dir = join(tempDir(), 'r');
    RecordingWriter.create(dir, makeHeader('test', 0, 't')).close();
    expect(() => RecordingWriter.create(dir, makeHeader('test', 0, 't'))).toThrow(/already exists/);
    const ro = tempDir();
    mkdirSync(join(ro, 'file-not-dir'), { recursive: true });
    writeFileSync(join(ro, 'f'), 'x');
    expect(() => RecordingWriter.create(join(ro, 'f', 'sub'), makeHeader('t', 0, 't'))).toThrow(/E_REC_WRITE|is a file|cannot write/);
  });
});
