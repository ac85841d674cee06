/** Serves a recording's captured images, or a placeholder when an image was never captured. */
import { readFileSync, readdirSync, realpathSync, statSync, createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { MEDIA_DIR, MEDIA_INDEX } from '../../recorder/format.ts';
import { contentTypeFor } from '../../recorder/media-urls.ts';
import { httpError, sendError } from '../api/http.ts';

/** A 1x1 transparent PNG, served when an image was never captured. */
export const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const RASTER = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif', 'image/bmp']);

const KEY = /^[A-Za-z0-9_-]{1,64}(\.[a-z0-9]{1,5})?$/;

/**
 * The real path of `name` inside `mediaDir` when it is a non-empty regular file there after resolving links; null
 * otherwise. A recording is data from elsewhere: its index may name `../../etc/passwd` or a link out of the folder.
 */
function confined(mediaDir: string, name: string, onRefused?: (why: string) => void): string | null {
  let root: string;
  let real: string;
  try {
    root = realpathSync(mediaDir);
    real = realpathSync(resolve(mediaDir, name));
  } catch {
    return null;
  }
  if (!real.startsWith(root + sep)) {
    onRefused?.(`media entry "${name}" resolves outside the recording's media folder; refused`);
    return null;
  }
  const st = statSync(real);
  // A zero-byte file is what a full disk leaves behind: it is no image, so it is treated as never captured.
  return st.isFile() && st.size > 0 ? real : null;
}

/** Finds the stored file for a media key in a recording folder (only inside its media/ folder), or null. */
export function findMediaFile(recordingDir: string, key: string, onRefused?: (why: string) => void): string | null {
  const mediaDir = join(recordingDir, MEDIA_DIR);
  const bare = key.replace(/\.[a-z0-9]+$/, '');
  try {
    const index = JSON.parse(readFileSync(join(mediaDir, MEDIA_INDEX), 'utf8')) as Record<string, { key?: string; file?: string }>;
    for (const v of Object.values(index)) {
      if (v.key !== bare || typeof v.file !== 'string') continue;
      const file = confined(mediaDir, v.file, onRefused);
      if (file) return file;
    }
  } catch {
    /* no index (a recorder killed before writing it): look at the files */
  }
  try {
    const f = readdirSync(mediaDir).find((n) => n.startsWith(bare + '.') && n !== MEDIA_INDEX);
    return f ? confined(mediaDir, f, onRefused) : null;
  } catch {
    return null;
  }
}

/** Serves media/<file for key> of the recording, or the placeholder PNG; CORS `*`. */
export function serveRecordingMedia(recordingDir: string, key: string, res: ServerResponse, onRefused?: (why: string) => void): void {
  const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-cache' };
  if (!KEY.test(key)) {
    return sendError(res, httpError(400, 'E_BAD_KEY', `bad media key "${key}": expected the hex key from a /media/rec/<key> URL`), headers);
  }
  let refused: string | null = null;
  const file = findMediaFile(recordingDir, key, (why) => {
    refused = why;
    onRefused?.(why);
  });
  if (!file && refused) {
    return sendError(res, httpError(403, 'E_MEDIA_REFUSED', `media "${key}" is not served: the recording names a file outside its media folder`), headers);
  }
  if (!file) {
    res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': PLACEHOLDER_PNG.length, 'x-tiksim-placeholder': '1' });
    res.end(PLACEHOLDER_PNG);
    return;
  }
  const type = contentTypeFor(file);
  // Only raster images: an HTML or SVG file served from this origin could run script that drives the API.
  if (!RASTER.has(type)) {
    onRefused?.(`media file "${file}" is not a raster image (${type}); refused`);
    return sendError(res, httpError(403, 'E_MEDIA_REFUSED', `media "${key}" is not served: only png, jpeg, webp, gif, avif and bmp images are`), headers);
  }
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': statSync(file).size, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
