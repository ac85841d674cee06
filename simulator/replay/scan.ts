/** One streaming pass over a recording before replay: duration, frame count, first bad line, seek checkpoints. */
import { parseLine, readLines, type RecordingInfo, type ReadStart } from '../../recorder/reader.ts';

/** A place to resume reading: a frame line whose offset is `t`. */
export interface Checkpoint extends ReadStart {
  t: number;
}

/** What the pre-scan learned. */
export interface ScanResult {
  frames: number;
  durationMs: number;
  checkpoints: Checkpoint[];
  bad: Array<{ line: number; error: string; truncated: boolean }>;
}

const EVERY = 512;

/** Scans the body once (streaming): counts frames, finds the last offset, notes bad lines and checkpoints. */
export async function scanRecording(info: RecordingInfo): Promise<ScanResult> {
  const res: ScanResult = { frames: 0, durationMs: 0, checkpoints: [], bad: [] };
  // Small chunks, each line parsed and dropped at once: little lives long enough to be promoted, so scanning a 1 GB
  // recording leaves the heap as it found it.
  for await (const lines of readLines(info, undefined, { chunkBytes: 64 * 1024 })) {
    for (const raw of lines) {
      const it = parseLine(raw);
      if (!it) continue;
      if ('bad' in it) {
        res.bad.push({ line: it.line, error: it.bad, truncated: it.truncated });
        continue;
      }
      const e = it.entry;
      const end = e.kind === 'gap' ? e.t + e.durationMs : e.t;
      if (e.kind === 'frame' || e.kind === 'gap') res.durationMs = Math.max(res.durationMs, end);
      if (e.kind === 'frame') {
        if (res.frames % EVERY === 0) res.checkpoints.push({ t: e.t, offset: it.offset, line: it.line });
        res.frames++;
      }
    }
  }
  return res;
}

/** The last checkpoint strictly before `ms` (so no frame at `ms` is skipped), or the start of the body. */
export function checkpointBefore(checkpoints: Checkpoint[], ms: number): Checkpoint | undefined {
  let lo = 0;
  let hi = checkpoints.length - 1;
  let best: Checkpoint | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (checkpoints[mid]!.t < ms) {
      best = checkpoints[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
