import type { ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Replayer, ReplayOptions, ReplayStatus } from '../replay/replayer.ts';
import { BUNDLED_DIR, listWithBundled, type RecordingListing } from '../replay/list.ts';
import { httpError, sendError, type HttpError } from '../api/http.ts';
import type { Engine, OutFrame } from '../engine.ts';
import { Utf8Frame } from '../out-frame.ts';
import type { WsHub } from './ws-hub.ts';
import { isEventName, isTiktokEventName } from '../../protocol/index.ts';

/** What to replay and how: the CLI's --replay flags and POST /api/replay's body (the replayer's own options). */
export type ReplayRequest = {
  /** A recording folder or events file; a bare name is looked up in the recordings folder. */
  recording: string;
} & Pick<ReplayOptions, 'speed' | 'instant' | 'loop' | 'loopExact' | 'fromMs' | 'toMs' | 'skipBad' | 'rewriteMedia'> & {
  /** Start a timed replay now instead of at the first client (`--start-now`). */
  startNow?: boolean;
};

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export { BUNDLED_DIR } from '../replay/list.ts';

/** What a replay needs of the server: where recordings are, the engine to pause, the clients to send to. */
export interface ReplayHost {
  readonly opts: { recordingsDir?: string; log?: (line: string) => void; allKinds?: boolean };
  /** Read each time: a new seed replaces the engine. */
  readonly engine: Pick<Engine, 'status' | 'setPaused'>;
  readonly hub: Pick<WsHub, 'size' | 'writable' | 'whenWritable' | 'broadcastBinary' | 'corked'>;
  readonly mediaBase: string;
  broadcast(frame: OutFrame): void;
}

/** Owns the one replay that may be playing; generation pauses while it plays and resumes after. */
export class ReplayControl {
  private replayer: Replayer | null = null;
  private dir: string | null = null;
  private pausedBefore = false;
  /** Set when a replay stopped on an error (bad line...), shown in status until the next load. */
  lastError: string | null = null;

  constructor(private readonly state: ReplayHost) {}

  private log(line: string): void {
    if (this.state.opts.log) this.state.opts.log(line);
    else process.stderr.write(`${line}\n`);
  }

  /** True while a recording is loaded. */
  get active(): boolean {
    return this.replayer !== null;
  }

  /** The recordings folders, the user's first: `--recordings`, then the ones that ship with tiksim. */
  folders(): string[] {
    const own = resolve(this.state.opts.recordingsDir ?? 'recordings');
    return own === BUNDLED_DIR ? [own] : [own, BUNDLED_DIR];
  }

  /** Every recording the API may open, by name (a name in the user's folder hides a bundled one of the same name). */
  catalog(): Promise<(RecordingListing & { bundled: boolean })[]> {
    return listWithBundled(this.state.opts.recordingsDir ?? 'recordings');
  }

  /**
   * Finds a recording by its listed name. The API opens nothing else: a path from a request is never opened, and
   * "no such name" and "not a recording" answer alike, so a request learns nothing about the rest of the disk.
   */
  async resolveName(name: string): Promise<{ ok: true; path: string } | { ok: false; error: HttpError }> {
    const hit = (await this.catalog()).find((r) => r.name === name);
    if (hit) return { ok: true, path: hit.path };
    return {
      ok: false,
      error: httpError(404, 'E_REPLAY', `no recording named ${JSON.stringify(name.slice(0, 200))}; recordings are opened by the name GET /api/recordings lists (a path is accepted only from the command line)`, {
        field: 'recording',
      }),
    };
  }

  /**
   * Resolves what the person who started the server gave on the command line: a path, or a name in the recordings
   * folders. The message lists the names when nothing matches.
   */
  async resolveTrusted(ref: string): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
    if (isAbsolute(ref) || existsSync(ref)) return { ok: true, path: resolve(ref) };
    const byName = await this.resolveName(ref);
    if (byName.ok) return byName;
    const names = (await this.catalog()).map((r) => r.name);
    return {
      ok: false,
      message: `recording "${ref}" not found: it is neither a path nor a name in ${this.folders().join(' or ')}` + (names.length ? `; recordings there: ${names.join(', ')}` : ' (no recordings there)') + ' (`tiksim list` shows them)',
    };
  }

  /** Loads and starts a recording, replacing any replay already playing. Throws an Error with a clear message. */
  async load(req: ReplayRequest, from: 'cli' | 'api' = 'cli'): Promise<ReplayStatus> {
    const found = from === 'cli' ? await this.resolveTrusted(req.recording) : await this.resolveName(req.recording);
    if (!found.ok) throw Object.assign(new Error('message' in found ? found.message : found.error.message), { code: 'E_REC_NOT_FOUND' });
    const { createReplayer } = await import('../replay/replayer.ts');
    const wasActive = this.active;
    this.stop();
    if (!wasActive) this.pausedBefore = this.state.engine.status().paused;
    this.state.engine.setPaused(true);
    const hub = this.state.hub;
    const heldBack = new Set<string>();
    // A `record --all-kinds` recording holds kinds TikFinity does not forward (goalUpdate...): as for a generated
    // stream they stay off the TikFinity socket unless this server runs with --all-kinds. Only TLC names outside
    // TikFinity's are held back; anything else (unknown names too) goes out byte for byte.
    const holdBack = (event: string): boolean => {
      if (this.state.opts.allKinds || isEventName(event) || !isTiktokEventName(event)) return false;
      if (!heldBack.has(event)) this.log(`tiksim: replay: not sending "${event}" frames (a kind TikFinity does not forward); serve with --all-kinds to send them`);
      heldBack.add(event);
      return true;
    };
    this.lastError = null;
    try {
      this.replayer = await createReplayer(
        {
          ...req,
          path: found.path,
          mediaBase: this.state.mediaBase,
          onError: (e) => {
            this.lastError = e.message;
            this.log(`tiksim: replay stopped: ${e.message}`);
          },
          onBadLine: (info) => this.log(`tiksim: skipped bad line ${info.line}: ${info.error}`),
        },
        {
          send: (text, event) => {
            if (!holdBack(event)) this.state.broadcast({ event, text });
          },
          sendUtf8: (utf8, event) => {
            if (!holdBack(event)) this.state.broadcast(new Utf8Frame(event, utf8));
          },
          sendBinary: (data) => this.state.hub.broadcastBinary(data),
          // Frames due together leave in one write per client, as the generator's do (the pump corks the same way).
          batch: (fn) => hub.corked(fn),
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
    const duration = this.replayer.status().durationMs;
    if (req.fromMs !== undefined && req.fromMs > duration) {
      this.replayer = null;
      this.state.engine.setPaused(this.pausedBefore);
      throw Object.assign(new RangeError(`--from ${fmtMs(req.fromMs)} is past the end of the recording (${fmtMs(duration)}): nothing would be sent`), { code: 'E_REPLAY_RANGE' });
    }
    this.dir = statSync(found.path).isDirectory() ? found.path : resolve(found.path, '..');
    // A timed replay starts at its first client, as an instant one does: one that began before anyone connected
    // would be half over (or over) when the overlay arrives.
    this.waiting = !req.instant && !req.startNow && hub.size === 0;
    if (!this.waiting) this.replayer.start();
    return this.replayer.status();
  }

  /** True while a loaded timed replay waits for its first client. */
  waiting = false;

  /** Called when a client connects: starts a replay that was waiting for one. */
  clientConnected(): void {
    if (!this.waiting || !this.replayer) return;
    this.waiting = false;
    this.replayer.start();
  }

  /** The playing replay, if any. */
  get current(): Replayer | null {
    return this.replayer;
  }

  /** Status for GET /api/status, or null in generation mode. */
  status(): (ReplayStatus & { error: string | null; waitingForClient: boolean }) | null {
    return this.replayer ? { ...this.replayer.status(), error: this.lastError, waitingForClient: this.waiting } : null;
  }

  /** Stops the replay and gives the stream back to the generator. */
  stop(): void {
    if (!this.replayer) return;
    this.replayer.stop();
    this.replayer = null;
    this.waiting = false;
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
    serveRecordingMedia(this.dir, key, res, (why) => this.log(`tiksim: ${why} (recording ${this.dir})`));
  }
}
