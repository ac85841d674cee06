/**
 * Downloads every distinct image URL once into media/: deduplicated, concurrency-limited, retried with backoff.
 * It runs beside the frame writer and never delays it; each outcome is noted in the recording (a media entry).
 * Only URLs the media policy allows are fetched (redirects followed by hand, each hop checked), only image/* bodies
 * within a size cap are kept, and a file appears in media/ only once it is complete (written aside, then renamed).
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extFor, mediaKey } from './media-urls.ts';
import { MEDIA_INDEX, type MediaEntry } from './format.ts';
import { mediaPolicy, type MediaPolicy } from './media-policy.ts';
import { readCapped } from './read-capped.ts';

/** Options for MediaCapture. */
export interface MediaCaptureOptions {
  mediaDir: string;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  /** Largest image kept, bytes (default 5 MiB). */
  maxBytes?: number;
  /** Distinct URLs beyond this are noted as skipped, so memory stays bounded. */
  maxUrls?: number;
  /** Called once per URL when it is done (ok or not): the recorder writes it as a media entry. */
  onDone: (note: Omit<MediaEntry, 't'>) => void;
  /** What may be fetched (default: TikTok's CDN over https only). */
  policy?: MediaPolicy;
  /** Injected fetch (tests map TikTok's CDN hosts onto a loopback server with it). */
  fetchImpl?: typeof fetch;
}

/** Index of media/: URL → stored file (or the error). */
export type MediaIndex = Record<string, { key: string; file?: string; bytes?: number; error?: string }>;

/** Redirects followed at most per download. */
const MAX_HOPS = 3;

/** A download that must not be retried: refused by the policy ("skipped: ...") or not an acceptable image. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly skipped: boolean,
  ) {
    super(message);
  }
}


/** Concurrency-limited, deduplicating image downloader. */
export class MediaCapture {
  private readonly seen = new Set<string>();
  private readonly noted = new Set<string>();
  private readonly queue: string[] = [];
  private readonly policy: MediaPolicy;
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  readonly index: MediaIndex = {};
  ok = 0;
  failed = 0;
  /** URLs never fetched: outside image fields, or refused by the policy (host, scheme, redirect target). */
  skipped = 0;

  constructor(private readonly opts: MediaCaptureOptions) {
    this.policy = opts.policy ?? mediaPolicy();
  }

  /** Queues a URL from an image field unless it was seen before; one the policy refuses is noted as skipped. */
  add(url: string): void {
    if (this.closed || this.seen.has(url)) return;
    this.seen.add(url);
    if (this.seen.size + this.noted.size > (this.opts.maxUrls ?? 50_000)) {
      this.finish(url, { error: 'skipped: too many distinct media URLs in this recording' }, 'skipped');
      return;
    }
    const v = this.policy.check(url);
    if (!v.ok) {
      this.finish(url, { error: `skipped: ${v.reason}` }, 'skipped');
      return;
    }
    this.queue.push(url);
    this.pump();
  }

  /** True once `url` was taken as a picture (queued, fetched, failed or refused): add() does nothing more for it. */
  taken(url: string): boolean {
    return this.seen.has(url);
  }

  /** Notes, once, an image-looking URL found outside the image fields (a comment, a nickname): never fetched. */
  skip(url: string, why = 'not in an image field'): void {
    if (this.closed || this.seen.has(url) || this.noted.has(url)) return;
    if (this.seen.size + this.noted.size >= (this.opts.maxUrls ?? 50_000)) return;
    this.noted.add(url);
    this.skipped++;
    this.opts.onDone({ type: 'media', url, key: mediaKey(url), ok: false, error: `skipped: ${why}` });
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

  /** One fetch of `url`, following redirects by hand within the policy; resolves with the body and content type. */
  private async fetchOnce(url: string): Promise<{ body: Buffer; type: string }> {
    const f = this.opts.fetchImpl ?? fetch;
    const signal = AbortSignal.timeout(this.opts.timeoutMs ?? 10_000);
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      const v = this.policy.check(current);
      if (!v.ok) throw new Refusal(`skipped: a redirect leads to ${current.host}: ${v.reason}`, true);
      const res = await f(current.href, { signal, redirect: 'manual', headers: { accept: 'image/*', ...v.headers } });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        const loc = res.headers.get('location');
        if (!loc) throw new Refusal(`HTTP ${res.status} without a Location`, false);
        if (hop + 1 > MAX_HOPS) throw new Refusal(`more than ${MAX_HOPS} redirects`, false);
        try {
          current = new URL(loc, current);
        } catch {
          throw new Refusal(`HTTP ${res.status} to a bad Location`, false);
        }
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        const err = new Error(`HTTP ${res.status}`) as Error & { status: number };
        err.status = res.status;
        throw err;
      }
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!type.startsWith('image/') || type === 'image/svg+xml') {
        await res.body?.cancel().catch(() => undefined);
        throw new Refusal(`not an image (${type || 'no content type'})`, false);
      }
      const max = this.opts.maxBytes ?? 5 * 1024 * 1024;
      const body = await readCapped(res, max, (declared) => new Refusal(declared === null ? `too large (over the ${max}-byte limit)` : `too large (${declared} bytes, the limit is ${max})`, false));
      if (body.length === 0) throw new Refusal('empty body', false);
      return { body, type };
    }
  }

  private async download(url: string): Promise<void> {
    const retries = this.opts.retries ?? 3;
    let lastError = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 200 * 2 ** (attempt - 1)));
      if (this.closed) break;
      let got: { body: Buffer; type: string };
      try {
        got = await this.fetchOnce(url);
      } catch (e) {
        if (e instanceof Refusal) {
          this.finish(url, { error: e.message }, e.skipped ? 'skipped' : 'failed');
          return;
        }
        const err = e as Error & { status?: number; code?: string; cause?: { code?: string } };
        if (err.status !== undefined) {
          lastError = err.message;
          if (err.status >= 400 && err.status < 500 && err.status !== 429) break; // not worth retrying
          continue;
        }
        lastError = err.name === 'TimeoutError' ? 'timed out' : (err.cause?.code ?? err.code ?? err.message);
        continue;
      }
      const file = mediaKey(url) + extFor(got.type, url);
      const error = this.store(file, got.body);
      if (error) {
        this.finish(url, { error }, 'failed');
        return;
      }
      this.finish(url, { file, bytes: got.body.length }, 'ok');
      return;
    }
    this.finish(url, { error: lastError || 'stopped before download' }, 'failed');
  }

  /** Writes a file aside and renames it into place, so media/ never holds a partial image; returns an error text. */
  private store(file: string, body: Buffer): string | null {
    const final = join(this.opts.mediaDir, file);
    const part = join(this.opts.mediaDir, `.${file}.part`);
    try {
      writeFileSync(part, body);
      renameSync(part, final);
      return null;
    } catch (e) {
      try {
        unlinkSync(part);
      } catch {
        /* never created */
      }
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOSPC' ? 'ENOSPC (the disk is full)' : code === 'EFBIG' ? 'EFBIG (file size limit)' : (code ?? (e as Error).message);
    }
  }

  private finish(url: string, r: { file?: string; bytes?: number; error?: string }, outcome: 'ok' | 'failed' | 'skipped'): void {
    const key = mediaKey(url);
    this.index[url] = { key, ...r };
    this[outcome]++;
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
    for (const url of this.queue.splice(0)) this.finish(url, { error: 'recording stopped before download' }, 'failed');
    writeIndex(this.opts.mediaDir, this.index);
  }
}

/** Writes media/index.json atomically (tmp + rename). */
export function writeIndex(mediaDir: string, index: MediaIndex): void {
  const tmp = join(mediaDir, MEDIA_INDEX + '.tmp');
  try {
    writeFileSync(tmp, JSON.stringify(index, null, 1) + '\n');
    renameSync(tmp, join(mediaDir, MEDIA_INDEX));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw e;
  }
}
