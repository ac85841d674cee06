import { describe, expect, it } from 'vitest';
import { proxied, proxyBaseFrom } from './media-url.ts';

const route = { origin: 'http://127.0.0.1:21213', proxyBase: 'http://127.0.0.1:21213' };

describe('proxied', () => {
  it('sends TikTok CDN pictures through the proxy, encoded', () => {
    const u = 'https://p16-sign.tiktokcdn-us.com/tos/a~c5_100x100.webp?x-expires=1&x-signature=a%2Bb';
    expect(proxied(u, route)).toBe(`http://127.0.0.1:21213/proxy/image?url=${encodeURIComponent(u)}`);
  });
  it('leaves the simulator\'s own, loopback, data and blob pictures alone', () => {
    for (const u of ['http://127.0.0.1:21213/media/avatar/1.png', 'http://localhost:5173/a.png', 'http://127.0.0.2:9/x.png', 'data:image/png;base64,AA', 'blob:http://127.0.0.1/x', '/overlay/a.png']) {
      expect(proxied(u, route)).toBe(u);
    }
  });
  it('does nothing without a proxy, or with a URL it cannot parse', () => {
    expect(proxied('https://p16.tiktokcdn.com/a.png', { origin: 'null', proxyBase: '' })).toBe('https://p16.tiktokcdn.com/a.png');
    expect(proxied('https://[bad', route)).toBe('https://[bad');
  });
  it('uses another tiksim when asked', () => {
    expect(proxied('https://p16.tiktokcdn.com/a.png', { origin: 'http://127.0.0.1:8080', proxyBase: 'http://127.0.0.1:21214/' }))
      .toBe(`http://127.0.0.1:21214/proxy/image?url=${encodeURIComponent('https://p16.tiktokcdn.com/a.png')}`);
  });
});

describe('proxyBaseFrom', () => {
  it('defaults to the page\'s own server, none for a file: page', () => {
    expect(proxyBaseFrom(null, 'http://127.0.0.1:21213')).toBe('http://127.0.0.1:21213');
    expect(proxyBaseFrom(null, 'null')).toBe('');
  });
  it('turns off with 0, takes an http(s) URL, ignores junk', () => {
    expect(proxyBaseFrom('0', 'http://127.0.0.1:21213')).toBe('');
    expect(proxyBaseFrom('http://127.0.0.1:21214', 'http://x')).toBe('http://127.0.0.1:21214');
    expect(proxyBaseFrom('javascript:alert(1)', 'http://127.0.0.1:21213')).toBe('http://127.0.0.1:21213');
  });
});
