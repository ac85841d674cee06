/**
 * A tiksim recording as a receiver, read with the recorder's one streaming reader: frames at their recorded pace
 * (`speed` 2 = twice as fast) or as fast as they can be handed on (`instant`), converted to TLC-style data like a
 * socket's. `at` is the recording's own time (header startMs + the frame's offset). At the end the receiver stops
 * (state `stopped`); a recording that cannot be read fails it (`failed`, with the reader's message).
 */
import { openRecording, readBatches } from '../recorder/reader.ts';
import { handFrame } from './frames.ts';
import { ReconnectingReceiver, type Closer, type ReconnectOptions, type Session } from './reconnecting.ts';

/** Options of the replay receiver. */
export interface ReplayReceiverOptions extends ReconnectOptions {
  /** A recording folder or its events.jsonl. */
  path: string;
  /** Playback speed (default 1). */
  speed?: number;
  /** Hand frames on without waiting. */
  instant?: boolean;
  name?: string;
  /** Told about lines that could not be read (they are skipped). */
  onBadLine?: (line: number, why: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Replays a recording. */
export class ReplayReceiver extends ReconnectingReceiver {
  constructor(private readonly o: ReplayReceiverOptions) {
    super(o.name ?? 'replay', 'tiktok', `replay:${o.path}`, o);
  }

  protected open(s: Session): Closer {
    let stopped = false;
    void (async () => {
      let info;
      try {
        info = await openRecording(this.o.path);
      } catch (e) {
        return s.fail((e as Error).message);
      }
      s.connected('replay', { isConnected: true, isConnecting: false, roomId: '0', roomInfo: null, availableGifts: null });
      const speed = this.o.speed ?? 1;
      const wall0 = performance.now();
      for await (const batch of readBatches(info)) {
        for (const item of batch) {
          if (stopped || !s.live) return;
          if (!('entry' in item)) {
            this.o.onBadLine?.(item.line, item.bad);
            continue;
          }
          const e = item.entry;
          if (e.kind !== 'frame') continue;
          if (!this.o.instant) {
            const due = e.t / speed - (performance.now() - wall0);
            if (due > 1) await sleep(due);
          }
          handFrame(s, e.frame, info.header.startMs + e.t);
        }
        // Let the consumer breathe between batches, even when instant.
        await new Promise((r) => setImmediate(r));
      }
      s.end();
    })().catch((e: unknown) => s.fail(`replay failed: ${(e as Error).message}`));
    return () => {
      stopped = true;
    };
  }
}
