import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GIFT_CATALOG, findGift } from '../../protocol/index.ts';
import { renderAvatar } from './avatar.ts';
import { EMOTE_COUNT, renderEmote } from './emote.ts';
import { FACE_COUNT, loadFace } from './faces.ts';
import { renderGiftPng } from './gift.ts';
import { Lru } from './lru.ts';
import { renderPlaceholder, renderSubscriberBadge, renderTopGifterBadge } from './misc.ts';
import { encodePng } from './png.ts';
import { sendError } from '../api/http.ts';
import type { ErrorCode } from '../../protocol/errors.ts';

/** Options of the media handler. */
export interface MediaHandlerOptions {
  /** Most images kept encoded in memory (default 2048). */
  cacheEntries?: number;
  /** Most bytes kept in memory (default 32 MiB). */
  cacheBytes?: number;
  /** Cache-Control max-age, seconds (default 86400: the images never change for a given URL). */
  maxAgeSeconds?: number;
  /** Directory of the face photos (default simulator/assets/faces/), with a trailing slash. */
  facesDir?: string;
}

/** Highest avatar index served. */
export const MAX_AVATAR_INDEX = 10_000_000;
/** Highest avatar variant (`?v=`) served. */
export const MAX_AVATAR_VARIANT = 1000;

interface Image { bytes: Buffer; etag: string }
type Lookup = { ok: true; key: string; make: () => Buffer } | { ok: false; message: string };

const ROUTES_HELP = '/media/avatar/<0..10000000>.png[?v=<1..1000>], /media/face/<0..2>.png, /media/gift/<giftId>.png, '
  + `/media/emote/<0..${EMOTE_COUNT - 1}>.png, /media/badge/top-gifter.png, /media/badge/sub_badge.png, /media/placeholder.png`;

/** A non-negative decimal integer without sign, exponent or leading zeros, else null. */
function parseIndex(text: string | undefined): number | null {
  if (text === undefined || !/^(0|[1-9]\d{0,9})$/.test(text)) return null;
  return Number(text);
}

/** Maps a path (and query) to an image key and its generator, or a 404 message. Pure: no I/O. */
export function lookupMedia(path: string, query: URLSearchParams, facesDir?: string): Lookup {
  const m = /^\/media\/(avatar|face|gift|emote)\/([^/]+)\.png$/.exec(path);
  if (m) {
    const [, kind, raw] = m;
    const n = parseIndex(raw);
    if (kind === 'avatar') {
      if (n === null || n > MAX_AVATAR_INDEX) return { ok: false, message: `avatar "${raw}" does not exist; avatars are /media/avatar/<0..${MAX_AVATAR_INDEX}>.png` };
      const vText = query.get('v');
      const v = vText === null ? 1 : parseIndex(vText);
      if (v === null || v < 1 || v > MAX_AVATAR_VARIANT) return { ok: false, message: `avatar variant v="${vText}" does not exist; use ?v=<1..${MAX_AVATAR_VARIANT}>` };
      return { ok: true, key: `avatar:${n}:${v}`, make: () => encodePng(renderAvatar(n, v), true) };
    }
    if (kind === 'face') {
      if (n === null || n >= FACE_COUNT) return { ok: false, message: `face "${raw}" does not exist; faces are /media/face/<0..${FACE_COUNT - 1}>.png` };
      return { ok: true, key: `face:${n}`, make: () => loadFace(n, facesDir) };
    }
    if (kind === 'emote') {
      if (n === null || n >= EMOTE_COUNT) return { ok: false, message: `emote "${raw}" does not exist; emotes are /media/emote/<0..${EMOTE_COUNT - 1}>.png` };
      return { ok: true, key: `emote:${n}`, make: () => encodePng(renderEmote(n)) };
    }
    const gift = n === null ? undefined : findGift(n);
    if (!gift) {
      const some = GIFT_CATALOG.slice(0, 5).map((g) => g.id).join(', ');
      return { ok: false, message: `unknown gift id "${raw}"; ids come from the gift catalog (GET /api/gifts), e.g. ${some}` };
    }
    return { ok: true, key: `gift:${gift.id}`, make: () => renderGiftPng(gift.id, gift.diamondCount, gift.name) };
  }
  if (path === '/media/badge/top-gifter.png') return { ok: true, key: 'badge:top-gifter', make: () => encodePng(renderTopGifterBadge()) };
  // Named like TikTok's sub badge URLs (…/sub_<hash>…), which TLC v1 and some clients test for "/sub_".
  if (path === '/media/badge/sub_badge.png') return { ok: true, key: 'badge:sub', make: () => encodePng(renderSubscriberBadge()) };
  if (path === '/media/placeholder.png') return { ok: true, key: 'placeholder', make: () => placeholderPng() };
  return { ok: false, message: `no media at ${path}; media paths are ${ROUTES_HELP}` };
}

/** The placeholder picture's PNG bytes (for replayed media that was never captured). */
export function placeholderPng(): Buffer {
  return encodePng(renderPlaceholder(), true);
}

/** Writes a JSON error with CORS, in the API's error shape. */
function sendMediaError(res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
  sendError(res, { status, code, message }, { 'access-control-allow-origin': '*', ...extra });
}

/**
 * Serves the simulator's generated images under /media/ (all but /media/rec/). Returns false for other paths.
 * @example const media = createMediaHandler(); http.createServer((req, res) => media(req, res) || notFound(res));
 */
export function createMediaHandler(opts: MediaHandlerOptions = {}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const cache = new Lru<string, Image>(opts.cacheEntries ?? 2048, (img) => img.bytes.length, opts.cacheBytes ?? 32 * 1024 * 1024);
  const cacheControl = `public, max-age=${opts.maxAgeSeconds ?? 86400}`;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (!path.startsWith('/media/') || path.startsWith('/media/rec/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendMediaError(res, 405, 'E_METHOD', `${req.method} is not allowed on ${path}; use GET or HEAD`, { allow: 'GET, HEAD' });
      return true;
    }
    const found = lookupMedia(path, url.searchParams, opts.facesDir);
    if (!found.ok) {
      sendMediaError(res, 404, 'E_NOT_FOUND', found.message);
      return true;
    }
    let img = cache.get(found.key);
    if (!img) {
      let bytes: Buffer;
      try {
        bytes = found.make();
      } catch (err) {
        sendMediaError(res, 500, 'E_INTERNAL', `could not make ${path}: ${(err as Error).message}`);
        return true;
      }
      img = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"` };
      cache.set(found.key, img);
    }
    const headers = {
      'content-type': 'image/png',
      'cache-control': cacheControl,
      etag: img.etag,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    };
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === img.etag || t.trim() === '*')) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': img.bytes.length });
    res.end(req.method === 'HEAD' ? undefined : img.bytes);
    return true;
  };
}
