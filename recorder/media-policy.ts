/**
 * Where the recorder may download images from. A recorded stream is written by strangers (any viewer's nickname or
 * comment can hold a URL), so capture is confined: https to TikTok's image CDNs, or the recorded server's own origin
 * (http allowed there, its token carried), checked again at every redirect hop. Everything else is skipped unfetched.
 */
import { TIKTOK_CDN_HOSTS, isTikTokCdnHost } from '../protocol/cdn-hosts.ts';
import { sourceToken } from './redact.ts';

/** Options of a media policy. */
export interface MediaPolicyOptions {
  /** The recorded socket (ws:// or wss://): its origin may serve images too. Absent for `--tiktok`. */
  source?: string;
  /** CDN hostname patterns (default TIKTOK_CDN_HOSTS). */
  cdnHosts?: readonly RegExp[];
}

/** A policy's answer for one URL: fetch it (with these headers) or skip it, and why. */
export type PolicyVerdict = { ok: true; headers: Record<string, string> } | { ok: false; reason: string };

/** Decides, URL by URL (and hop by hop), what media capture may fetch. */
export interface MediaPolicy {
  check(url: string | URL): PolicyVerdict;
}

const isLoopback = (h: string): boolean => h === 'localhost' || h === '[::1]' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);

const effectivePort = (u: URL): string => u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? '443' : '80');

/**
 * Builds the policy for one recording.
 * @example mediaPolicy({ source: 'ws://127.0.0.1:21213/?token=t' }).check('http://127.0.0.1:21213/media/gift/5655.png')
 * // { ok: true, headers: { authorization: 'Bearer t' } }
 */
export function mediaPolicy(opts: MediaPolicyOptions = {}): MediaPolicy {
  const cdn = opts.cdnHosts ?? TIKTOK_CDN_HOSTS;
  let origin: { protocol: string; host: string; port: string; loopback: boolean } | null = null;
  if (opts.source) {
    try {
      const s = new URL(opts.source);
      if (s.protocol === 'ws:' || s.protocol === 'wss:') {
        const host = s.hostname.toLowerCase();
        origin = { protocol: s.protocol === 'wss:' ? 'https:' : 'http:', host, port: effectivePort(s), loopback: isLoopback(host) };
      }
    } catch {
      origin = null;
    }
  }
  const token = opts.source ? sourceToken(opts.source) : undefined;
  const originText = origin ? `${origin.protocol}//${origin.host}:${origin.port}` : '';

  return {
    check(raw): PolicyVerdict {
      let u: URL;
      try {
        u = typeof raw === 'string' ? new URL(raw) : raw;
      } catch {
        return { ok: false, reason: 'not a URL' };
      }
      if (u.username || u.password) return { ok: false, reason: 'URLs with credentials are never fetched' };
      const host = u.hostname.toLowerCase();
      // The recorded server itself (a loopback source accepts any loopback name for the same port: tiksim announces
      // 127.0.0.1 while the recorder may have dialled localhost).
      if (origin && u.protocol === origin.protocol && effectivePort(u) === origin.port && (host === origin.host || (origin.loopback && isLoopback(host)))) {
        const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
        return { ok: true, headers };
      }
      if (u.protocol === 'https:' && effectivePort(u) === '443' && isTikTokCdnHost(host, cdn)) return { ok: true, headers: {} };
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: `${u.protocol} URLs are never fetched` };
      if (isTikTokCdnHost(host, cdn)) return { ok: false, reason: `${u.protocol}//${u.host} is TikTok's CDN but not https on its standard port` };
      return { ok: false, reason: `${u.host} is neither TikTok's image CDN (https) nor the recorded server${originText ? ` (${originText})` : ''}` };
    },
  };
}
