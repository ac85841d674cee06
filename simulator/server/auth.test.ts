import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authorize, isLoopbackHost, requestToken } from './auth.ts';

const req = (url: string, headers: Record<string, string> = {}): IncomingMessage =>
  ({ url, headers }) as unknown as IncomingMessage;

describe('token auth', () => {
  it('accepts every request when no token is set', () => {
    expect(authorize(req('/api/status'), undefined)).toBe(true);
  });
  it('reads the token from the query, a bearer header or the cookie', () => {
    expect(requestToken(req('/?token=abc'))).toBe('abc');
    expect(requestToken(req('/', { authorization: 'Bearer abc' }))).toBe('abc');
    expect(requestToken(req('/', { cookie: 'x=1; tiksim_token=abc' }))).toBe('abc');
  });
  it('refuses a missing or wrong token', () => {
    expect(authorize(req('/api/status'), 's3cret')).toBe(false);
    expect(authorize(req('/api/status?token=nope'), 's3cret')).toBe(false);
    expect(authorize(req('/api/status?token=s3cret'), 's3cret')).toBe(true);
  });
  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.4')).toBe(false);
  });
});
