import type { ApiError, ApiResult } from './api-types.ts';

/**
 * The control API over same-origin relative URLs (`/api/...`). Carries `?token=` from the page's own URL on every
 * request, so each call is a plain HTTP request anyone can repeat with curl. Never throws.
 */
export class ApiClient {
  constructor(
    private readonly token: string | null = new URLSearchParams(location.search).get('token'),
    private readonly base = '',
  ) {}

  /** The URL of `path` with the token appended when the page has one. */
  url(path: string): string {
    if (!this.token) return this.base + path;
    return `${this.base}${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(this.token)}`;
  }

  /** A media URL (gift picture, avatar) with the token added when it points at this page's own origin. */
  media(url: string | undefined): string {
    if (!url) return '';
    if (!this.token) return url;
    let u: URL;
    try {
      u = new URL(url, location.href);
    } catch {
      return url;
    }
    if (u.origin !== location.origin) return url;
    u.searchParams.set('token', this.token);
    return u.href;
  }

  /** GET a JSON resource. */
  get<T>(path: string): Promise<ApiResult<T>> {
    return this.request<T>('GET', path);
  }

  /** POST a JSON body. */
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>('POST', path, body);
  }

  /** PUT a JSON body. */
  put<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.request<T>('PUT', path, body);
  }

  /** DELETE a resource. */
  delete<T>(path: string): Promise<ApiResult<T>> {
    return this.request<T>('DELETE', path);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        // The server refuses state-changing requests that are not JSON (a cross-site form cannot send that type).
        headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      return { ok: false, status: 0, error: { code: 'E_UNREACHABLE', message: 'the simulator is not reachable; is `tiksim serve` running?' } };
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    if (res.ok) return { ok: true, status: res.status, value: json as T };
    return { ok: false, status: res.status, error: toApiError(json, res.status) };
  }
}

function toApiError(json: unknown, status: number): ApiError {
  if (json && typeof json === 'object' && 'error' in json) {
    const e = (json as { error: unknown }).error;
    if (e && typeof e === 'object' && 'message' in e) return e as ApiError;
  }
  return { code: 'E_BAD_REPLY', message: `the simulator answered ${status} without an error body` };
}

/** The one client every element shares (one page, one token). */
export const api = new ApiClient();
