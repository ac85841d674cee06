/**
 * Downloads every distinct image URL once into media/: deduplicated, concurrency-limited, retried with backoff.
 * It runs beside the frame writer and never delays it; each outcome is noted in the recording (a media entry).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extFor, mediaKey } from './media-urls.ts';
import { MEDIA_INDEX, type MediaEntry } from './format.ts';

/** Options for MediaCapture. */
export interface MediaCaptureOptions {
  mediaDir: string;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Distinct URLs beyond this are noted as skipped, so memory stays bounded. */
  maxUrls?: number;
  /** Called once per URL when it is done (ok or not): the recorder writes it as a media entry. */
  onDone: (note: Omit<MediaEntry, 't'>) => void;
  fetchImpl?: typeof fetch;
}

/** Index of media/: URL → stored file (or the error). */
export type MediaIndex = Record<string, { key: string; file?: string; bytes?: number; error?: string }>;

/** Concurrency-limited, deduplicating image downloader. */
export class MediaCapture {
  private readonly seen = new Set<string>();
  private readonly queue: string[] = [];
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  readonly index: MediaIndex = {};
  ok = 0;
  failed = 0;

  constructor(private readonly opts: MediaCaptureOptions) {}

  /** Queues a URL unless it was seen before. Returns at once. */
  add(url: string): void {
    if (this.closed || this.seen.has(url)) return;
    this.seen.add(url);
    if (this.seen.size > (this.opts.maxUrls ?? 50_000)) {
      this.finish(url, { error: 'skipped: too many distinct media URLs in this recording' });
      return;
    }
    this.queue.push(url);
    this.pump();
  }

  /** URLs queued or downloading. */
  get pending(): number {
    return this.queue.length + this.active;
  }

  private pump(): void {
    while (this.active < (this.opts.concurrency ?? 4) && this.queue.length) {
      const url = this.queue.shift()!;
      this.active++;
      void this.download(url).finally(() => {
        this.active--;
        this.pump();
        if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
      });
    }
  }

  private async download(url: string): Promise<void> {
    const retries = this.opts.retries ?? 3;
    const f = this.opts.fetchImpl ?? fetch;
    let lastError = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 200 * 2 ** (attempt - 1)));
      if (this.closed) break;
      try {
        const res = await f(url, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000), redirect: 'follow' });
        if (!res.ok) {
          lastError = `HTTP ${res.status}`;
          if (res.status >= 400 && res.status < 500 && res.status !== 429) break; // not worth retrying
          continue;
        }
        const body = Buffer.from(await res.arrayBuffer());
        if (body.length > (this.opts.maxBytes ?? 5 * 1024 * 1024)) {
          lastError = `too large (${body.length} bytes)`;
          break;
        }
        const key = mediaKey(url);
        const file = key + extFor(res.headers.get('content-type'), url);
        writeFileSync(join(this.opts.mediaDir, file), body);
        this.finish(url, { file, bytes: body.length });
        return;
      } catch (e) {
        const err = e as Error & { code?: string; cause?: { code?: string } };
        lastError = err.cause?.code ?? err.code ?? err.message;
        if (err.code === 'ENOSPC' || err.code === 'EACCES' || err.code === 'EROFS') break;
      }
    }
    this.finish(url, { error: lastError || 'stopped before download' });
  }

  private finish(url: string, r: { file?: string; bytes?: number; error?: string }): void {
    const key = mediaKey(url);
    this.index[url] = { key, ...r };
    if (r.file) this.ok++;
    else this.failed++;
    this.opts.onDone({ type: 'media', url, key, ok: !!r.file, ...r });
  }

  /** Waits until every queued download finished, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return;
    await Promise.race([
      new Promise<void>((r) => this.idleWaiters.push(r)),
      new Promise<void>((r) => setTimeout(r, timeoutMs).unref()),
    ]);
  }

  /** Stops new downloads, notes unfinished ones as failed, writes media/index.json atomically. */
  close(): void {
    this.closed = true;
    for (const url of this.queue.splice(0)) this.finish(url, { error: 'recording stopped before download' });
    writeIndex(this.opts.mediaDir, this.index);
  }
}

/** Writes media/index.json atomically (tmp + rename). */
export function writeIndex(mediaDir: string, index: MediaIndex): void {
  const tmp = join(mediaDir, MEDIA_INDEX + '.tmp');
  writeFileSync(tmp, JSON.stringify(index, null, 1) + '\n');
  renameSync(tmp, join(mediaDir, MEDIA_INDEX));
}
