/**
 * Secrets out of what tiksim writes or shows: a recording's `source` (the socket it was recorded from), status lines,
 * listings. A URL keeps everything but its token-like query or fragment parameters and its userinfo password, so a
 * user still sees where a recording came from and that nothing else changed.
 */

const EXACT = new Set([
  'token', 'access_token', 'accesstoken', 'refresh_token', 'id_token', 'auth', 'auth_token', 'authorization', 'bearer', 'jwt',
  'key', 'api_key', 'apikey', 'secret', 'client_secret', 'password', 'passwd', 'pwd', 'pass', 'sig', 'signature',
  'session', 'sessionid', 'session_id', 'credential', 'credentials',
]);

/** True for a query or fragment parameter name that holds a secret (token, access_token, key, secret, password, ...). */
export function isSecretParam(name: string): boolean {
  let n = name;
  try {
    n = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    /* a malformed escape: judge the name as written */
  }
  n = n.trim().toLowerCase().replace(/-/g, '_');
  return EXACT.has(n) || /(token|secret|password|passwd|api_?key)$/.test(n);
}

/** Drops secret parameters from `a=1&token=x&b=2` (separators `&` and `;`). */
function redactParams(params: string): string {
  return params
    .split(/[&;]/)
    .filter((p) => p !== '' && !isSecretParam(p.split('=')[0]!))
    .join('&');
}

/** One whitespace-free piece of text: a URL, a path with a query, or a plain word. */
function redactPiece(piece: string): string {
  let s = piece.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s]*)@/i, (_m, scheme: string, info: string) => {
    const user = info.split(':')[0]!;
    return user ? `${scheme}${user}@` : scheme;
  });
  const hash = s.indexOf('#');
  let fragment = hash === -1 ? '' : s.slice(hash + 1);
  if (hash !== -1) s = s.slice(0, hash);
  const q = s.indexOf('?');
  if (q !== -1) {
    const rest = redactParams(s.slice(q + 1));
    s = s.slice(0, q) + (rest ? `?${rest}` : '');
  }
  if (hash !== -1 && fragment.includes('=')) fragment = redactParams(fragment);
  return hash !== -1 && fragment !== '' ? `${s}#${fragment}` : s;
}

/**
 * A recording source, URL or client path without its secrets: token-like parameters removed, userinfo password
 * removed; anything that is not a URL passes through unchanged. Never throws.
 * @example redactSource('ws://127.0.0.1:21213/?token=s3cret&room=1') // 'ws://127.0.0.1:21213/?room=1'
 * @example redactSource('wss://me:pw@host/live') // 'wss://me@host/live'
 * @example redactSource('tiktok:@someuser') // 'tiktok:@someuser'
 */
export function redactSource(source: string): string {
  if (!/[?#@]/.test(source)) return source;
  return source.replace(/\S+/g, (piece) => (/[?#]|:\/\/[^/]*@/.test(piece) ? redactPiece(piece) : piece));
}

/** The token a source URL carries in `?token=` (what a token-protected tiksim wants back), or undefined. */
export function sourceToken(source: string): string | undefined {
  try {
    return new URL(source).searchParams.get('token') || undefined;
  } catch {
    return undefined;
  }
}
