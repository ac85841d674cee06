/** The frames the record-replay bench sends: a busy generated stream, and recordings of it written by the project's writer. */
import { createEngine, type Rates } from '../simulator/engine.ts';
import { SEEDED_EPOCH_MS } from '../simulator/clock.ts';
import { RecordingWriter } from '../recorder/writer.ts';
import { makeHeader } from '../recorder/format.ts';
import type { TimedFrame } from './client-timing.ts';

/** A busy stream (~300 frames/s: chat, likes, gift streaks, joins), the same for the recording and the generator. */
export const BUSY: Partial<Rates> = { chat: 100, like: 120, gift: 15, member: 30, follow: 3, share: 2 };
/** The seed of the busy stream. */
export const SEED = 7;

/** `n` generated frames with their offsets (whole ms, as the recorder writes them), image URLs on `mediaBase`. */
export function busyFrames(n: number, mediaBase = 'http://127.0.0.1:9'): TimedFrame[] {
  const e = createEngine({ seed: SEED, population: 500, rates: BUSY, startMs: SEEDED_EPOCH_MS, mediaBase });
  const out: TimedFrame[] = [];
  for (let ms = 0; out.length < n; ms++) e.advance(SEEDED_EPOCH_MS + ms, (f) => void (out.length < n && out.push({ t: ms, text: f.text })));
  return out;
}

/** Writes frames as a recording with the project's writer. */
export function writeRecording(dir: string, frames: TimedFrame[]): void {
  const w = RecordingWriter.create(dir, makeHeader('bench', 0, 'bench'));
  for (const f of frames) w.writeFrame(f.t, f.text);
  w.close();
}

