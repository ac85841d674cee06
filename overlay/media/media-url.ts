/** Where a picture is fetched from: TikTok's CDN sends no CORS headers, so such pictures go through tiksim's proxy. */
export interface MediaRoute {
  /** The page's origin (`location.origin`); '' or 'null' when it has none (a file: page). */
  origin: string;
  /** Base URL of an image proxy (`<base>/proxy/image?url=`), or '' for none. */
  proxyBase: string;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * The URL to load `url` from so its pixels can be read: same-origin and loopback pictures (the simulator's own),
 * `data:` and `blob:` as they are; any other http(s) picture through the proxy, when there is one.
 * @example proxied('https://p16-sign.tiktokcdn-us.com/a.webp', { origin: 'http://127.0.0.1:21213', proxyBase: 'http://127.0.0.1:21213' })
 * // 'http://127.0.0.1:21213/proxy/image?url=https%3A%2F%2Fp16-sign.tiktokcdn-us.com%2Fa.webp'
 */
export function proxied(url: string, route: MediaRoute): string {
  if (!route.proxyBase || !/^https?:\/\//i.test(url)) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.origin === route.origin || LOOPBACK.test(u.hostname)) return url;
  return `${route.proxyBase.replace(/\/+$/, '')}/proxy/image?url=${encodeURIComponent(url)}`;
}

/**
 * The proxy base from the `proxy` URL parameter: absent means the page's own server (tiksim serves the overlay and
 * the proxy on one port), `0`/`off` none, an http(s) URL another tiksim.
 */
export function proxyBaseFrom(param: string | null, origin: string): string {
  const hasOrigin = /^https?:\/\//.test(origin);
  if (param === null || param === '' || param === '1') return hasOrigin ? origin : '';
  if (/^(0|off|false|no)$/i.test(param)) return '';
  return /^https?:\/\/[^/]+/i.test(param) ? param : hasOrigin ? origin : '';
}
