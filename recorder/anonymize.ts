/**
 * `tiksim anonymize`: rewrites a recording with every viewer's ids, names and avatars replaced, consistently across
 * the file (the same person gets the same stand-in everywhere), deterministically for a seed. Avatars become generated
 * stand-in pictures stored in media/, so the copy still replays with images; the simulator's public-domain face
 * photos (/media/face/<n>.png) are kept as such, so the overlay's face effect can still be exercised.
 */
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { openRecording, readEntries } from './reader.ts';
import { RecordingWriter } from './writer.ts';
import { MEDIA_DIR, makeHeader, type Header } from './format.ts';
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

/** Replaces personal fields in a parsed frame, in place. Other fields (gift images, comments' text) stay. */
export function anonymizeValue(v: unknown, p: Pseudonymizer, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => anonymizeValue(x, p, key));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = anonymizeValue(o[k], p, k);
    return o;
  }
  if (typeof v === 'string' && v !== '' && v !== '0') {
    if (ID_KEYS.has(key) && /^\d+$/.test(v)) return p.id(v);
    if (SECUID_KEYS.has(key)) return p.secUid(v);
    if (HANDLE_KEYS.has(key)) return p.handle(v);
    if (NICK_KEYS.has(key)) return p.nickname(v);
    if (AVATAR_KEYS.has(key) && /^https?:/.test(v)) return p.avatar(v);
    if (BIO_KEYS.has(key)) return '';
  }
  if (typeof v === 'number' && ID_KEYS.has(key) && v !== 0) return Number(p.id(String(v)).slice(0, 15));
  return v;
}

/** Replaces @mentions of known handles in free text. */
function scrubMentions(text: string, p: Pseudonymizer): string {
  return text.replace(/@([A-Za-z0-9_.]{2,40})/g, (m, h: string) => (p.handles.has(h) ? '@' + p.handles.get(h)! : m));
}

/** Result counts of an anonymize run. */
export interface AnonymizeResult {
  frames: number;
  changed: number;
  passedThrough: number;
  badLines: number;
  mediaKept: number;
  /** Stand-in avatars generated into media/. */
  avatarsMade: number;
}

/** Writes an anonymized copy of the recording at `inPath` into the new folder `outDir`. */
export async function anonymizeRecording(inPath: string, outDir: string, seed: number): Promise<AnonymizeResult> {
  if (!Number.isInteger(seed)) throw new RangeError(`--seed must be an integer, got ${seed}`);
  const info = await openRecording(inPath);
  const h: Header = { ...makeHeader('anonymized', info.header.startMs, info.header.tool, info.header.name), anonymized: { seed } };
  h.startedAt = info.header.startedAt;
  const w = RecordingWriter.create(outDir, h);
  const p = new Pseudonymizer(seed);
  const res: AnonymizeResult = { frames: 0, changed: 0, passedThrough: 0, badLines: 0, mediaKept: 0, avatarsMade: 0 };
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
        res.frames++;
        let obj: { event?: unknown; data?: unknown };
        try {
          obj = JSON.parse(e.frame) as typeof obj;
        } catch {
          res.passedThrough++;
          w.writeFrame(e.t, e.frame);
          continue;
        }
        const data = anonymizeValue(obj.data, p);
        if (data && typeof data === 'object') {
          const d = data as Record<string, unknown>;
          for (const k of ['comment', 'label', 'describe', 'questionText']) if (typeof d[k] === 'string') d[k] = scrubMentions(d[k] as string, p);
        }
        const out = JSON.stringify({ ...obj, data });
        if (out !== e.frame) res.changed++;
        w.writeFrame(e.t, out);
        for (const u of findMediaUrls(out)) {
          keptUrls.add(u.url);
          if (stored.has(u.url) || !u.url.startsWith(`${ANON_MEDIA_BASE}/avatar/`)) continue;
          const png = renderStandInAvatar(`${seed}:${u.url}`);
          const file = `${mediaKey(u.url)}.png`;
          writeFileSync(join(w.mediaDir, file), png);
          note(e.t, u.url, file, png.length);
          res.avatarsMade++;
        }
      } else if (e.kind === 'gap') {
        w.writeEntry({ type: 'gap', t: e.t, durationMs: e.durationMs, reason: e.reason });
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
      }
      // raw webcast frames hold personal data in protobuf: dropped.
    }
  } finally {
    w.close();
    writeIndex(w.mediaDir, index);
  }
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
