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
