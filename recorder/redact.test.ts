import { describe, expect, it } from 'vitest';
import { isSecretParam, redactSource, sourceToken } from './redact.ts';

describe('redactSource', () => {
  it('removes token-like query parameters and keeps the rest in order', () => {
    expect(redactSource('ws://127.0.0.1:21213/?token=s3cret&room=1')).toBe('ws://127.0.0.1:21213/?room=1');
    expect(redactSource('ws://h:1/live?a=1&access_token=x&b=2&api-key=y&key=z&authToken=q')).toBe('ws://h:1/live?a=1&b=2');
    expect(redactSource('ws://h:1/?token=only')).toBe('ws://h:1/');
    expect(redactSource('ws://h:1/?TOKEN=x#frag')).toBe('ws://h:1/#frag');
    expect(redactSource('https://h/cb#access_token=x&state=1')).toBe('https://h/cb#state=1');
  });

  it('removes a userinfo password, keeps the user', () => {
    expect(redactSource('wss://me:pw@host/live')).toBe('wss://me@host/live');
    expect(redactSource('wss://:pw@host/')).toBe('wss://host/');
  });

  it('redacts client paths and leaves plain sources alone', () => {
    expect(redactSource('/?token=abc')).toBe('/');
    expect(redactSource('/overlay?uniqueId=x&secret=y')).toBe('/overlay?uniqueId=x');
    expect(redactSource('tiktok:@someuser')).toBe('tiktok:@someuser');
    expect(redactSource('anonymized')).toBe('anonymized');
    expect(redactSource('ws://127.0.0.1:21213/?uniqueId=x')).toBe('ws://127.0.0.1:21213/?uniqueId=x');
  });

  it('never throws on malformed escapes', () => {
    expect(redactSource('ws://h/?%E0%A4%A=1&token=x')).toBe('ws://h/?%E0%A4%A=1');
    expect(isSecretParam('%zz')).toBe(false);
  });

  it('reads the token a source carries', () => {
    expect(sourceToken('ws://127.0.0.1:1/?token=t0k')).toBe('t0k');
    expect(sourceToken('ws://127.0.0.1:1/')).toBeUndefined();
    expect(sourceToken('tiktok:@x')).toBeUndefined();
  });
});
