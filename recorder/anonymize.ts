/**
 * `tiksim anonymize`: rewrites a recording with every viewer's ids, names and avatars replaced, consistently across
 * the file (the same person gets the same stand-in everywhere), deterministically for a seed. Avatars become generated
 * stand-in pictures stored in media/, so the copy still replays with images; the simulator's public-domain face
 * photos (/media/face/<n>.png) are kept as such, so the overlay's face effect can still be exercised.
 *
 * Two passes: the first learns every handle and nickname in the file, so the second replaces them in any text
 * (an @mention before that viewer's first frame included). Frames that are not TikFinity JSON are dropped unless
 * asked to keep them. The copy is built in a temporary folder beside the target and renamed into place at the end:
 * a crash leaves no half copy under the target's name.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { openRecording, readEntries, type RecordingInfo } from './reader.ts';
import { RecordingWriter } from './writer.ts';
import { EVENTS_FILE, MEDIA_DIR, RecordingError, makeHeader, type Header } from './format.ts';
import { NameScrubber } from './anon-text.ts';
import { writeIndex, type MediaIndex } from './media-capture.ts';
import { findMediaUrls, mediaKey } from './media-urls.ts';
import { renderStandInAvatar } from './anon-avatar.ts';

/** Stand-in image URLs live under this (never resolvable); replay serves them from media/ by key. */
export const ANON_MEDIA_BASE = 'https://anon.tiksim.invalid';

const ID_KEYS = new Set(['userId', 'receiverUserId', 'hostUserId', 'tikfinityUserId', 'idStr', 'id_str']);
const SECUID_KEYS = new Set(['secUid']);
const HANDLE_KEYS = new Set(['uniqueId', 'profile', 'name', 'username', 'tikfinityUsername', 'displayId']);
const NICK_KEYS = new Set(['nickname']);
const AVATAR_KEYS = new Set(['profilePictureUrl', 'profilePictureUrls', 'avatarUrl', 'avatar']);
const BIO_KEYS = new Set(['bioDescription']);

/** Deterministic stand-ins keyed by seed. */
export class Pseudonymizer {
  readonly handles = new Map<string, string>();
  constructor(private readonly seed: number) {}

  private hash(kind: string, v: string): string {
    return createHmac('sha256', `tiksim-anon-${this.seed}`).update(`${kind}:${v}`).digest('hex');
  }

  /** A stand-in numeric id of the same length class (19 digits for TikTok ids). */
  id(v: string): string {
    const h = BigInt('0x' + this.hash('id', v).slice(0, 15));
    return String(7_000_000_000_000_000_000n + (h % 1_000_000_000_000_000_000n));
  }
  secUid(v: string): string {
    return 'MS4wLjABAAAA' + Buffer.from(this.hash('sec', v), 'hex').toString('base64url').slice(0, 40);
  }
  handle(v: string): string {
    const out = `viewer_${this.hash('handle', v).slice(0, 8)}`;
    this.handles.set(v, out);
    return out;
  }
  nickname(v: string): string {
    return `Viewer ${this.hash('nick', v).slice(0, 6)}`;
  }
  /** A stand-in avatar URL; the query is ignored so one picture's variants (?v=1, signatures) stay one stand-in. */
  avatar(v: string): string {
    const face = simulatorFace(v);
    if (face !== null) return `${ANON_MEDIA_BASE}/face/${face}.png`;
    return `${ANON_MEDIA_BASE}/avatar/${this.hash('avatar', v.split('?')[0]!).slice(0, 16)}.png`;
  }
}

/** Fields that hold catalog or structure text, never a viewer's words: names are not replaced inside them. */
const KEEP_TEXT_KEYS = new Set(['event', 'giftName', 'originalName', 'describe', 'originalDescribe', 'displayType', 'giftPictureUrl', 'emoteImageUrl', 'imageUrl', 'url', 'type']);

/** Replaces personal fields in a parsed frame, in place; with `names`, also known names inside every other text. */
export function anonymizeValue(v: unknown, p: Pseudonymizer, key = '', names?: NameScrubber): unknown {
  if (Array.isArray(v)) return v.map((x) => anonymizeValue(x, p, key, names));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = anonymizeValue(o[k], p, k, names);
    return o;
  }
  if (typeof v === 'string' && v !== '' && v !== '0') {
    if (ID_KEYS.has(key) && /^\d+$/.test(v)) return p.id(v);
    if (SECUID_KEYS.has(key)) return p.secUid(v);
    if (HANDLE_KEYS.has(key)) return p.handle(v);
    if (NICK_KEYS.has(key)) return p.nickname(v);
    if (AVATAR_KEYS.has(key) && /^https?:/.test(v)) return p.avatar(v);
    if (BIO_KEYS.has(key)) return '';
    if (names && !KEEP_TEXT_KEYS.has(key) && !AVATAR_KEYS.has(key)) return names.scrub(v);
  }
  if (typeof v === 'number' && ID_KEYS.has(key) && v !== 0) return Number(p.id(String(v)).slice(0, 15));
  return v;
}

/** Collects the handles and nicknames a parsed frame names (any depth) into `names`, with their stand-ins. */
function learnNames(v: unknown, p: Pseudonymizer, names: NameScrubber, key = '', depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(v)) {
    for (const x of v) learnNames(x, p, names, key, depth + 1);
    return;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) learnNames(x, p, names, k, depth + 1);
    return;
  }
  if (typeof v !== 'string' || v === '' || v === '0' || names.knows(v)) return;
  if (HANDLE_KEYS.has(key)) names.add(v, p.handle(v));
  else if (NICK_KEYS.has(key)) names.add(v, p.nickname(v));
}

/** Parses a frame's text into a TikFinity envelope object, or null when it is not one. */
function parseEnvelope(text: string): Record<string, unknown> | null {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return null;
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj) || typeof (obj as { event?: unknown }).event !== 'string') return null;
  return obj as Record<string, unknown>;
}

/** Result counts of an anonymize run. */
export interface AnonymizeResult {
  frames: number;
  changed: number;
  /** Frames that are not TikFinity JSON, kept (names in them replaced) because keepBad was set. */
  passedThrough: number;
  /** Frames that are not TikFinity JSON, dropped (the default). */
  droppedBad: number;
  badLines: number;
  mediaKept: number;
  /** Stand-in avatars generated into media/. */
  avatarsMade: number;
  /** Distinct handles and nicknames learnt in the first pass and replaced in text. */
  namesKnown: number;
  /** The folder written. */
  out: string;
}

/** Options of an anonymize run. */
export interface AnonymizeOptions {
  /** Keep frames that are not TikFinity JSON (known names in them are still replaced). Default false: dropped. */
  keepBad?: boolean;
  /** The copy's header name (default: the output folder's name). */
  name?: string;
}

/** Stale temporary folders of earlier runs into `out` whose process is gone (a crash): removed before a new run. */
function removeStaleTemps(out: string): void {
  const dir = dirname(out);
  const prefix = `.${basename(out)}.anonymize-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const pid = Number(n.slice(prefix.length).split('-')[0]);
    let alive = false;
    try {
      alive = Number.isInteger(pid) && pid > 0 && process.kill(pid, 0);
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!alive) rmSync(join(dir, n), { recursive: true, force: true });
  }
}

/** Refuses an output that exists (a recording, a file, a folder with anything in it); an empty folder is fine. */
function checkTarget(out: string): void {
  if (!existsSync(out)) return;
  const st = statSync(out);
  if (st.isDirectory() && readdirSync(out).length === 0) return;
  const what = st.isDirectory() ? (existsSync(join(out, EVENTS_FILE)) ? join(out, EVENTS_FILE) : out) : out;
  throw new RecordingError('E_REC_EXISTS', `${what} already exists; choose a new folder with --out (recordings are never overwritten)`);
}

/**
 * Writes an anonymized copy of the recording at `inPath` into the new folder `outDir`, atomically.
 * @example await anonymizeRecording('recordings/raw', 'recordings/friday-anon', 1, { name: 'friday' })
 */
export async function anonymizeRecording(inPath: string, outDir: string, seed: number, opts: AnonymizeOptions = {}): Promise<AnonymizeResult> {
  if (!Number.isInteger(seed)) throw new RangeError(`--seed must be an integer, got ${seed}`);
  const info = await openRecording(inPath);
  const out = resolve(outDir);
  checkTarget(out);
  removeStaleTemps(out);
  const p = new Pseudonymizer(seed);
  const names = new NameScrubber();
  // Pass 1: every handle and nickname in the whole file, so order does not matter in pass 2.
  for await (const it of readEntries(info)) {
    if ('entry' in it && it.entry.kind === 'frame') {
      const obj = parseEnvelope(it.entry.frame);
      if (obj) learnNames(obj, p, names);
    }
  }
  const tmp = join(dirname(out), `.${basename(out)}.anonymize-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const res = await writeCopy(info, tmp, seed, p, names, { ...opts, name: opts.name ?? basename(out) });
    checkTarget(out);
    if (existsSync(out)) rmdirSync(out);
    renameSync(tmp, out);
    return { ...res, out };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Pass 2: writes the anonymized copy into `dir` (the temporary folder). */
async function writeCopy(info: RecordingInfo, dir: string, seed: number, p: Pseudonymizer, names: NameScrubber, opts: AnonymizeOptions): Promise<Omit<AnonymizeResult, 'out'>> {
  const h: Header = { ...makeHeader('anonymized', info.header.startMs, info.header.tool, opts.name || 'anonymized'), anonymized: { seed } };
  h.startedAt = info.header.startedAt;
  const w = RecordingWriter.create(dir, h);
  const res = { frames: 0, changed: 0, passedThrough: 0, droppedBad: 0, badLines: 0, mediaKept: 0, avatarsMade: 0, namesKnown: names.size };
  const index: MediaIndex = {};
  const keptUrls = new Set<string>();
  const stored = new Set<string>();
  /** Notes a file written into the output's media/ (entry line and index). */
  const note = (t: number, url: string, file: string, bytes: number): void => {
    stored.add(url);
    const key = mediaKey(url);
    w.writeEntry({ type: 'media', t, url, key, ok: true, file, bytes });
    index[url] = { key, file, bytes };
  };
  try {
    for await (const it of readEntries(info)) {
      if ('bad' in it) {
        res.badLines++;
        continue;
      }
      const e = it.entry;
      if (e.kind === 'frame') {
        const obj = parseEnvelope(e.frame);
        if (!obj) {
          // Not TikFinity JSON: whatever identity it holds cannot be found field by field, so it is dropped.
          if (!opts.keepBad) {
            res.droppedBad++;
            continue;
          }
          res.frames++;
          res.passedThrough++;
          w.writeFrame(e.t, names.scrub(e.frame));
          continue;
        }
        res.frames++;
        const outText = JSON.stringify(anonymizeValue(obj, p, '', names));
        if (outText !== e.frame) res.changed++;
        w.writeFrame(e.t, outText);
        for (const u of findMediaUrls(outText)) {
          keptUrls.add(u.url);
          if (stored.has(u.url) || !u.url.startsWith(`${ANON_MEDIA_BASE}/avatar/`)) continue;
          const png = renderStandInAvatar(`${seed}:${u.url}`);
          const file = `${mediaKey(u.url)}.png`;
          writeFileSync(join(w.mediaDir, file), png);
          note(e.t, u.url, file, png.length);
          res.avatarsMade++;
        }
      } else if (e.kind === 'gap') {
        w.writeEntry({ type: 'gap', t: e.t, durationMs: e.durationMs, reason: names.scrub(e.reason) });
      } else if (e.kind === 'media') {
        // Avatars are personal: their captured files are not copied (stand-ins are generated instead), except the
        // simulator's public-domain face photos, stored under their stand-in URL. Gift and emote images are kept.
        if (!e.ok || !e.file) continue;
        const src = join(info.dir, MEDIA_DIR, e.file);
        if (!existsSync(src)) continue;
        const face = simulatorFace(e.url);
        if (face !== null) {
          const url = `${ANON_MEDIA_BASE}/face/${face}.png`;
          if (!keptUrls.has(url) || stored.has(url)) continue;
          const file = mediaKey(url) + (/\.[a-z0-9]+$/i.exec(e.file)?.[0] ?? '.png');
          copyFileSync(src, join(w.mediaDir, file));
          note(e.t, url, file, statSync(src).size);
          res.mediaKept++;
          continue;
        }
        if (!keptUrls.has(e.url) || isAvatarUrl(e.url) || stored.has(e.url)) continue;
        copyFileSync(src, join(w.mediaDir, e.file));
        note(e.t, e.url, e.file, statSync(src).size);
        res.mediaKept++;
      } else if (e.kind === 'binary') {
        // A binary frame's bytes cannot be searched for identity field by field: dropped and counted, even with --keep-bad.
        res.droppedBad++;
      }
      // raw webcast frames hold personal data in protobuf: dropped.
    }
  } finally {
    w.close();
  }
  writeIndex(w.mediaDir, index);
  return res;
}

/** The face number of one of the simulator's face-photo URLs (`/media/face/<n>.png`, any query), else null. */
export function simulatorFace(url: string): number | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (/tiktokcdn/i.test(u.hostname)) return null;
  const m = /^\/media\/face\/(\d{1,3})\.png$/.exec(u.pathname);
  return m ? Number(m[1]) : null;
}

/** True for avatar URLs (TikTok avatar paths, the simulator's /media/avatar/ and /media/face/). */
function isAvatarUrl(url: string): boolean {
  return /-avt-|\/avatar\/|\/media\/face\/|tos-[a-z0-9]+-avt/i.test(url);
}
