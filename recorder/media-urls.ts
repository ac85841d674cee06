/**
 * Finding image URLs in a frame's text, and the key a URL is stored under in media/. The recorder (capture), replay
 * (rewrite) and anonymize use these same rules, so whatever was captured is found again on replay.
 */
import { createHash } from 'node:crypto';

const IMAGE_EXT = /\.(png|jpe?g|webp|gif|avif|heic|bmp|svg|image)$/i;
/** A JSON string literal that starts with http(s)://, as it appears in the frame text (escapes kept). */
const URL_LITERAL = /"(https?:(?:[^"\\]|\\.)*)"/g;

/** True when a URL looks like an image worth capturing (image extension, a TikTok CDN, or a simulator media route). */
export function isMediaUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  return IMAGE_EXT.test(u.pathname) || /(^|\.)tiktokcdn(-us|-eu)?\.com$/i.test(u.hostname) || u.pathname.startsWith('/media/');
}

/** One image URL found in a frame: its value and the exact JSON literal (quotes included) as it appears in the text. */
export interface FoundUrl {
  url: string;
  literal: string;
}

/** Finds every image URL in a frame's text, in order of appearance, duplicates included. Never throws. */
export function findMediaUrls(text: string): FoundUrl[] {
  if (!text.includes('http')) return [];
  const out: FoundUrl[] = [];
  URL_LITERAL.lastIndex = 0;
  for (let m = URL_LITERAL.exec(text); m; m = URL_LITERAL.exec(text)) {
    const literal = m[0];
    let url: string;
    try {
      url = literal.includes('\\') ? (JSON.parse(literal) as string) : m[1]!;
    } catch {
      continue;
    }
    if (isMediaUrl(url)) out.push({ url, literal });
  }
  return out;
}

/** The media key of a URL: stable, file-name safe, the same on every machine. */
export function mediaKey(url: string): string {
  return createHash('sha1').update(url).digest('hex').slice(0, 20);
}

/** File extension for a content type (falls back to the URL's own extension, then .bin). */
export function extFor(contentType: string | null, url: string): string {
  const ct = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const byType: Record<string, string> = {
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'image/webp': '.webp',
    'image/gif': '.gif',
    'image/avif': '.avif',
    'image/svg+xml': '.svg',
    'image/bmp': '.bmp',
  };
  if (byType[ct]) return byType[ct]!;
  try {
    const m = /\.(png|jpe?g|webp|gif|avif|svg|bmp)$/i.exec(new URL(url).pathname);
    if (m) return '.' + m[1]!.toLowerCase();
  } catch {
    /* fall through */
  }
  return '.bin';
}

/** Content type for a stored media file name. */
export function contentTypeFor(file: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  const map: Record<string, string> = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    gif: 'image/gif',
    avif: 'image/avif',
    svg: 'image/svg+xml',
    bmp: 'image/bmp',
  };
  return (ext && map[ext]) || 'application/octet-stream';
}

/** Keys whose string value (or array of strings) is a picture in the TikFinity event shapes. */
const IMAGE_KEYS = new Set(['profilePictureUrl', 'profilePictureUrls', 'giftPictureUrl', 'emoteImageUrl', 'imageUrl']);
/** Arrays whose elements carry their picture under `url` (user badges). */
const BADGE_LISTS = new Set(['userBadges', 'badges']);

/** The URLs of a frame: those in image fields (capture them) and every other media-looking URL (never fetched). */
export interface FrameUrls {
  images: string[];
  elsewhere: string[];
}

/**
 * Sorts a frame's URLs into image fields of the event shapes (profile pictures, gift, emote, badge and config-rule
 * pictures) and everything else (a URL in a comment or a nickname). Only the first are ever downloaded. Never throws.
 * @example frameImageUrls('{"event":"chat","data":{"comment":"https://x/a.png","profilePictureUrl":"https://p16.tiktokcdn.com/b.webp"}}')
 * // { images: ['https://p16.tiktokcdn.com/b.webp'], elsewhere: ['https://x/a.png'] }
 */
export function frameImageUrls(text: string): FrameUrls {
  if (!text.includes('http')) return { images: [], elsewhere: [] };
  const images = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const take = (v: unknown): void => {
    if (typeof v === 'string' && /^https?:\/\//i.test(v)) images.add(v);
  };
  const walk = (v: unknown, depth: number): void => {
    if (depth > 32 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (IMAGE_KEYS.has(k)) {
        if (Array.isArray(x)) x.forEach(take);
        else take(x);
      } else if (BADGE_LISTS.has(k) && Array.isArray(x)) {
        for (const b of x) if (b && typeof b === 'object') take((b as { url?: unknown }).url);
      }
      if (x !== null && typeof x === 'object') walk(x, depth + 1);
    }
  };
  walk(parsed, 0);
  const elsewhere = new Set<string>();
  for (const u of findMediaUrls(text)) if (!images.has(u.url)) elsewhere.add(u.url);
  return { images: [...images], elsewhere: [...elsewhere] };
}
