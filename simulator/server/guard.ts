/**
 * What a web page of another origin must not be able to do to a server on this machine: reach it under a foreign
 * host name (DNS rebinding) or drive its control API with a cross-site form or fetch. Used by the simulator and by
 * every other HTTP service of tiksim.
 */
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { httpError, type HttpError } from '../api/http.ts';

/** Which hosts and origins a server accepts besides its own. */
export interface GuardOptions {
  /** The address the server is bound to (`127.0.0.1`, `0.0.0.0`, a LAN address...). */
  bindHost: string;
  /** The port it listens on (Origin checks compare it). */
  port: number;
  /** Extra host names accepted in `Host` (`--allow-host`), e.g. a LAN name like `studio.local`. */
  allowHosts?: readonly string[];
  /** Extra origins allowed to drive the control API (`--allow-origin`), e.g. `http://localhost:5173`. */
  allowOrigins?: readonly string[];
}

/** The checks, bound to one server. */
export interface Guard {
  /** null when the request's `Host` is one of this server's names; otherwise the 403 to answer. */
  checkHost(req: IncomingMessage): HttpError | null;
  /** null when a state-changing API request may act; otherwise the 403 (foreign Origin) or 415 (not JSON) to answer. */
  checkApiWrite(req: IncomingMessage): HttpError | null;
  /** The host names accepted, for messages and tests. */
  readonly hosts: ReadonlySet<string>;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

/** `[::1]:80` → `::1`, `Example.COM.:80` → `example.com`; undefined when the value is not a host[:port]. */
export function hostName(hostHeader: string): string | undefined {
  const v = hostHeader.trim().toLowerCase();
  const m = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(v) ?? /^([^:[\]\s/@]+?)\.?(?::\d{1,5})?$/.exec(v);
  return m?.[1] || undefined;
}

/** The addresses of this machine's interfaces: what a LAN client uses in `Host` when the server binds a wildcard. */
function interfaceAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.push(a.address.toLowerCase());
  return out;
}

/**
 * Builds the checks for one server.
 * @example const guard = createGuard({ bindHost: '127.0.0.1', port: 21213 }); const err = guard.checkHost(req);
 */
export function createGuard(opts: GuardOptions): Guard {
  const bind = (hostName(opts.bindHost) ?? opts.bindHost).toLowerCase();
  const hosts = new Set<string>([...LOOPBACK_NAMES, ...(opts.allowHosts ?? []).map((h) => hostName(h) ?? h.toLowerCase())]);
  // An IP literal cannot be rebound to another machine by DNS, so the machine's own addresses are safe to accept.
  if (WILDCARDS.has(bind)) for (const a of interfaceAddresses()) hosts.add(a);
  else hosts.add(bind);
  const origins = new Set((opts.allowOrigins ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const flagHint = '--allow-host <name>';

  function checkHost(req: IncomingMessage): HttpError | null {
    const raw = req.headers.host;
    const name = raw ? hostName(raw) : undefined;
    if (name && hosts.has(name)) return null;
    return httpError(
      403,
      'E_HOST_NOT_ALLOWED',
      raw
        ? `this server does not answer to the host name "${raw}" (a web page reaching it through another name is refused); ` +
            `to use it under that name, start it with ${flagHint}`
        : `the request has no Host header; send one naming this server (127.0.0.1, localhost, or a name given with ${flagHint})`,
    );
  }

  function ownOrigin(origin: string): boolean {
    const o = origin.toLowerCase();
    if (origins.has(o)) return true;
    let u: URL;
    try {
      u = new URL(o);
    } catch {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : Number(u.port);
    const name = hostName(u.host);
    return port === opts.port && name !== undefined && hosts.has(name);
  }

  function checkApiWrite(req: IncomingMessage): HttpError | null {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigin(origin)) {
      return httpError(
        403,
        'E_FOREIGN_ORIGIN',
        `a page from ${origin} may not drive this server; only its own pages (the panel) and clients that send no Origin ` +
          `(curl, scripts, tests) may. To allow that origin, start the server with --allow-origin ${origin}`,
      );
    }
    const type = req.headers['content-type'];
    if (!type || !/^application\/json\s*(;|$)/i.test(type)) {
      return httpError(
        415,
        'E_UNSUPPORTED_TYPE',
        `${req.method} requests to the API must be sent with "Content-Type: application/json"${type ? `, got "${type}"` : ' (none was sent)'}`,
      );
    }
    return null;
  }

  return { checkHost, checkApiWrite, hosts };
}
