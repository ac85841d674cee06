import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isEventName, isTiktokEventName, tlcExamples } from '../../protocol/index.ts';
import { makeHeader } from '../../recorder/format.ts';
import { RecordingWriter } from '../../recorder/writer.ts';
import { tempDir } from '../../recorder/test-helpers.ts';
import { startSim } from '../../test/faults/sim-cases.ts';
import type { RunningSimulator } from './app.ts';

// What `record --tiktok --all-kinds` writes: TikFinity's frames and, between them, TLC-style frames of kinds
// TikFinity does not forward (here a goalUpdate), plus a name neither table knows (a future TikFinity event).
const CHAT_1 = '{"event":"chat","data":{"comment":"before the goal","uniqueId":"a"}}';
const GOAL = JSON.stringify({ event: 'goalUpdate', data: tlcExamples.goalUpdate });
const UNKNOWN = '{ "event" : "futureKind", "data" : {"x":1.0} }';
const CHAT_2 = '{"data":{"comment":"after the goal","uniqueId":"b"},"event":"chat"}';
const FRAMES = [CHAT_1, GOAL, UNKNOWN, CHAT_2];

function makeRecording(): string {
  const dir = join(tempDir(), 'rec');
  const w = RecordingWriter.create(dir, makeHeader('tiktok:someone', 1_700_000_000_000, 'tiksim test'));
  FRAMES.forEach((f, i) => w.writeFrame(i * 5, f));
  w.close();
  return dir;
}

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Replays the recording through a real simulator; every text message a client gets, and the server's log lines. */
async function replay(allKinds: boolean, expected: number): Promise<{ got: string[]; log: string[] }> {
  const log: string[] = [];
  sim = await startSim({ paused: true, chatBacklog: false, allKinds, log: (l) => void log.push(l), replay: { recording: makeRecording(), instant: true, rewriteMedia: false } });
  const client = new WebSocket(sim.wsUrl);
  const got: string[] = [];
  client.on('message', (d) => void got.push(d.toString()));
  await expect.poll(() => got.length, { timeout: 10_000 }).toBe(expected);
  // A little longer: a frame that should have been held back would show as one too many.
  await new Promise((r) => setTimeout(r, 300));
  client.close();
  return { got, log };
}

describe('replay of an --all-kinds recording', () => {
  it('the recording holds a kind TikFinity does not forward (the premise)', () => {
    expect(isTiktokEventName('goalUpdate') && !isEventName('goalUpdate')).toBe(true);
    expect(isTiktokEventName('futureKind')).toBe(false);
  });

  it('holds goalUpdate back on a server without --all-kinds, says so once, and sends the rest byte for byte', async () => {
    const { got, log } = await replay(false, 3);
    expect(got).toEqual([CHAT_1, UNKNOWN, CHAT_2]);
    expect(log.filter((l) => l.includes('goalUpdate'))).toEqual([
      'tiksim: replay: not sending "goalUpdate" frames (a kind TikFinity does not forward); serve with --all-kinds to send them',
    ]);
  });

  it('sends every frame, goalUpdate included, byte for byte with --all-kinds', async () => {
    const { got, log } = await replay(true, 4);
    expect(got).toEqual(FRAMES);
    expect(log.some((l) => l.includes('not sending'))).toBe(false);
  });
});
