import type { ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Replayer, ReplayOptions, ReplayStatus } from '../replay/replayer.ts';
import { httpError, sendError, type HttpError } from '../api/http.ts';
import type { SimState } from './app.ts';

/** What to replay and how: the CLI's --replay flags and POST /api/replay's body (the replayer's own options). */
export type ReplayRequest = {
  /** A recording folder or events file; a bare name is looked up in the recordings folder. */
  recording: string;
} & Pick<ReplayOptions, 'speed' | 'instant' | 'loop' | 'fromMs' | 'toMs' | 'skipBad' | 'rewriteMedia'>;

/** Owns the one replay that may be playing; generation pauses while it plays and resumes after. */
export class ReplayControl {
  private replayer: Replayer | null = null;
  private dir: string | null = null;
  private pausedBefore = false;
  /** Set when a replay stopped on an error (bad line...), shown in status until the next load. */
  lastError: string | null = null;

  constructor(private readonly state: SimState) {}

  /** True while a recording is loaded. */
  get active(): boolean {
    return this.replayer !== null;
  }

  /** Resolves a recording reference to a path, or explains why it cannot. */
  resolvePath(ref: string): { ok: true; path: string } | { ok: false; error: HttpError } {
    const base = this.state.opts.recordingsDir ?? resolve('recordings');
    const candidates = isAbsolute(ref) ? [ref] : [resolve(ref), join(base, ref)];
    for (const c of candidates) if (existsSync(c)) return { ok: true, path: c };
    return { ok: false, error: httpError(404, 'E_REPLAY', `recording "${ref}" not found (looked in ${candidates.join(', ')}); GET /api/recordings lists them`, { field: 'recording' }) };
  }

  /** Loads and starts a recording, replacing any replay already playing. Throws an Error with a clear message. */
  async load(req: ReplayRequest): Promise<ReplayStatus> {
    const found = this.resolvePath(req.recording);
    if (!found.ok) throw Object.assign(new Error(found.error.message), { code: 'E_REC_NOT_FOUND' });
    const { createReplayer } = await import('../replay/replayer.ts');
    const wasActive = this.active;
    this.stop();
    if (!wasActive) this.pausedBefore = this.state.engine.status().paused;
    this.state.engine.setPaused(true);
    const hub = this.state.hub;
    this.lastError = null;
    try {
      this.replayer = await createReplayer(
        {
          ...req,
          path: found.path,
          mediaBase: this.state.mediaBase,
          onError: (e) => {
            this.lastError = e.message;
            process.stderr.write(`tiksim: replay stopped: ${e.message}\n`);
          },
          onBadLine: (info) => process.stderr.write(`tiksim: skipped bad line ${info.line}: ${info.error}\n`),
        },
        {
          send: (text, event) => this.state.broadcast({ event, text }),
          // Instant replay waits for a first client: "as fast as the clients take them" means nothing when nobody
          // is connected yet, and would spend the whole recording on no one.
          writable: () => hub.size > 0 && hub.writable(),
          whenWritable: async () => {
            while (hub.size === 0) await new Promise((r) => setTimeout(r, 20));
            await hub.whenWritable();
          },
        },
      );
    } catch (e) {
      this.state.engine.setPaused(this.pausedBefore);
      throw e;
    }
    this.dir = statSync(found.path).isDirectory() ? found.path : resolve(found.path, '..');
    this.replayer.start();
    return this.replayer.status();
  }

  /** The playing replay, if any. */
  get current(): Replayer | null {
    return this.replayer;
  }

  /** Status for GET /api/status, or null in generation mode. */
  status(): (ReplayStatus & { error: string | null }) | null {
    return this.replayer ? { ...this.replayer.status(), error: this.lastError } : null;
  }

  /** Stops the replay and gives the stream back to the generator. */
  stop(): void {
    if (!this.replayer) return;
    this.replayer.stop();
    this.replayer = null;
    this.dir = null;
    this.state.engine.setPaused(this.pausedBefore);
  }

  /** Serves /media/rec/<key> from the loaded recording's media folder (a placeholder when never captured). */
  async serveMedia(key: string, res: ServerResponse): Promise<void> {
    if (!this.dir) {
      sendError(res, httpError(404, 'E_NOT_FOUND', 'no recording is loaded, so there is no recorded media to serve'));
      return;
    }
    const { serveRecordingMedia } = await import('../replay/replayer.ts');
    serveRecordingMedia(this.dir, key, res);
  }
}
