import { proxyBaseFrom } from './media/media-url.ts';

/** The overlay's settings, from its URL. */
export interface OverlayParams {
  ws: string;
  width: number;
  height: number;
  landscape: boolean;
  mute: boolean;
  debug: boolean;
  seed: number;
  /** Gifts worth at least this many diamonds (per single gift x count) trigger the Toasty face. */
  toasty: number;
  /** Which Phaser renderer: 'auto' picks Canvas when WebGL is software-rendered (see renderer.ts), else WebGL. */
  renderer: 'auto' | 'webgl' | 'canvas';
  /**
   * The merged socket of `tiksim watch --serve-port` (`?aggregate=ws://127.0.0.1:21216/`), '' for none: Twitch chat
   * beside TikTok's, each chat line marked with its platform.
   */
  aggregate: string;
  /** Base URL of the image proxy for pictures from other hosts (TikTok's CDN), '' for none; see media/media-url.ts. */
  proxy: string;
}

function flag(q: URLSearchParams, name: string): boolean {
  if (!q.has(name)) return false;
  const v = (q.get(name) ?? '').toLowerCase();
  return v !== '0' && v !== 'false' && v !== 'no';
}

function num(q: URLSearchParams, name: string, dflt: number): number {
  const v = Number(q.get(name));
  return q.has(name) && Number.isFinite(v) ? v : dflt;
}

/** TikFinity's socket: where an overlay opened from a file or another server connects. */
const TIKFINITY_WS = 'ws://127.0.0.1:21213/';

/**
 * Reads the settings from a query string; `origin` is the page's. A page served by tiksim (`servedByTiksim`: its
 * `<meta name="tiksim-served">`) connects to the server that served it, whatever its port, unless `?ws=` says otherwise.
 * @example parseParams('?layout=landscape&mute')
 */
export function parseParams(search: string, origin = '', servedByTiksim = false): OverlayParams {
  const q = new URLSearchParams(search);
  const landscape = q.get('layout') === 'landscape';
  const home = servedByTiksim && /^https?:\/\//.test(origin) ? `${origin.replace(/^http/, 'ws')}/` : TIKFINITY_WS;
  let ws = q.get('ws') ?? home;
  if (!/^wss?:\/\//.test(ws)) ws = home;
  return {
    ws,
    landscape,
    width: landscape ? 1920 : 1080,
    height: landscape ? 1080 : 1920,
    mute: flag(q, 'mute'),
    debug: flag(q, 'debug'),
    seed: Math.floor(num(q, 'seed', 1)) >>> 0,
    toasty: Math.max(1, num(q, 'toasty', 100)),
    proxy: proxyBaseFrom(q.get('proxy'), origin),
    aggregate: /^wss?:\/\//.test(q.get('aggregate') ?? '') ? q.get('aggregate')! : '',
    renderer: q.get('renderer') === 'webgl' ? 'webgl' : q.get('renderer') === 'canvas' ? 'canvas' : 'auto',
  };
}
