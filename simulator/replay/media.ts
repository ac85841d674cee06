/** Serves a recording's captured images, or a placeholder when an image was never captured. */
import { existsSync, readFileSync, readdirSync, statSync, createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { MEDIA_DIR, MEDIA_INDEX } from '../../recorder/format.ts';
import { contentTypeFor } from '../../recorder/media-urls.ts';

/** A 1x1 transparent PNG, served when an image was never captured. */
export const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const KEY = /^[A-Za-z0-9_-]{1,64}(\.[a-z0-9]{1,5})?$/;

/** Finds the stored file for a media key in a recording folder, or null. */
export function findMediaFile(recordingDir: string, key: string): string | null {
  const mediaDir = join(recordingDir, MEDIA_DIR);
  const bare = key.replace(/\.[a-z0-9]+$/, '');
  try {
    const index = JSON.parse(readFileSync(join(mediaDir, MEDIA_INDEX), 'utf8')) as Record<string, { key?: string; file?: string }>;
    for (const v of Object.values(index)) if (v.key === bare && v.file && existsSync(join(mediaDir, v.file))) return join(mediaDir, v.file);
  } catch {
    /* no index (a recorder killed before writing it): look at the files */
  }
  try {
    const f = readdirSync(mediaDir).find((n) => n.startsWith(bare + '.') && n !== MEDIA_INDEX);
    return f ? join(mediaDir, f) : null;
  } catch {
    return null;
  }
}

/** Serves media/<file for key> of the recording, or the placeholder PNG; CORS `*`. */
export function serveRecordingMedia(recordingDir: string, key: string, res: ServerResponse): void {
  const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-cache' };
  if (!KEY.test(key)) {
    res.writeHead(400, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'E_BAD_KEY', message: `bad media key "${key}": expected the hex key from a /media/rec/<key> URL` } }));
    return;
  }
  const file = findMediaFile(recordingDir, key);
  if (!file) {
    res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': PLACEHOLDER_PNG.length, 'x-tiksim-placeholder': '1' });
    res.end(PLACEHOLDER_PNG);
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': contentTypeFor(file), 'content-length': statSync(file).size });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
