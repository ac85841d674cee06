import net from 'node:net';
import { isLoopbackHost } from '../simulator/server/auth.ts';

/**
 * Vitest setup: every test process refuses TCP connections beyond this machine, so "offline by construction" is
 * checked rather than hoped for. A test (or the code it drives) that tries fails at once with the host it tried.
 */
const original = net.Socket.prototype.connect;

type ConnectArgs = Parameters<typeof original>;

function target(args: unknown[]): { host?: string; path?: string } {
  // Node's own callers pass one normalised array ([options, callback]); people pass (options), (port, host) or (path).
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first && typeof first === 'object') return first as { host?: string; path?: string };
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : undefined };
}

net.Socket.prototype.connect = function connect(this: net.Socket, ...args: ConnectArgs) {
  const t = target(args);
  const host = t.host ?? 'localhost';
  if (t.path === undefined && !isLoopbackHost(host)) {
    throw new Error(`offline guard: a test tried to connect to ${host}; tests must stay on 127.0.0.1`);
  }
  return original.apply(this, args);
} as typeof original;
