import { describe, expect, it } from 'vitest';
import { mediaPolicy } from './media-policy.ts';
import { frameImageUrls } from './media-urls.ts';

describe('mediaPolicy', () => {
  const p = mediaPolicy({ source: 'ws://localhost:21213/?token=t0k' });

  it("allows TikTok's CDN over https on its standard port, without the source's token", () => {
    expect(p.check('https://p16-sign.tiktokcdn-us.com/a.webp')).toEqual({ ok: true, headers: {} });
    expect(p.check('https://p19-webcast.tiktokcdn.com:8443/a.png')).toMatchObject({ ok: false });
    expect(p.check('http://p19-webcast.tiktokcdn.com/a.png')).toMatchObject({ ok: false, reason: expect.stringMatching(/not https/) });
    expect(p.check('https://tiktokcdn.com.evil.example/a.png')).toMatchObject({ ok: false });
  });

  it("allows the recorded server's own origin (any loopback name for a loopback source) with its token as a header", () => {
    expect(p.check('http://127.0.0.1:21213/media/gift/1.png')).toEqual({ ok: true, headers: { authorization: 'Bearer t0k' } });
    expect(p.check('http://localhost:21213/media/face/0.png')).toMatchObject({ ok: true });
    expect(p.check('http://127.0.0.1:21214/media/gift/1.png')).toMatchObject({ ok: false });
    expect(p.check('https://127.0.0.1:21213/media/gift/1.png')).toMatchObject({ ok: false });
    expect(p.check('http://user:pw@127.0.0.1:21213/x.png')).toMatchObject({ ok: false, reason: expect.stringMatching(/credentials/) });
  });

  it('a remote source does not open loopback', () => {
    const lan = mediaPolicy({ source: 'ws://192.168.1.20:21213/' });
    expect(lan.check('http://192.168.1.20:21213/media/gift/1.png')).toEqual({ ok: true, headers: {} });
    expect(lan.check('http://127.0.0.1:21213/media/gift/1.png')).toMatchObject({ ok: false });
  });

  it('without a source (--tiktok) only the CDN is allowed', () => {
    expect(mediaPolicy().check('http://127.0.0.1:21213/media/gift/1.png')).toMatchObject({ ok: false });
  });
});

describe('frameImageUrls', () => {
  it('takes image fields only; a URL in a comment or a nickname is elsewhere', () => {
    const text = JSON.stringify({
      event: 'chat',
      data: {
        nickname: 'https://evil.example/n.png',
        comment: 'https://evil.example/c.png',
        profilePictureUrl: 'https://p16-sign.tiktokcdn.com/a.webp',
        userDetails: { profilePictureUrls: ['https://p16-sign.tiktokcdn.com/b.webp'] },
        userBadges: [{ type: 'x', url: 'https://p19-webcast.tiktokcdn.com/badge.png' }],
        emotes: [{ emoteImageUrl: 'https://p16-webcast.tiktokcdn.com/e.png' }],
      },
    });
    expect(frameImageUrls(text)).toEqual({
      images: ['https://p16-sign.tiktokcdn.com/a.webp', 'https://p16-sign.tiktokcdn.com/b.webp', 'https://p19-webcast.tiktokcdn.com/badge.png', 'https://p16-webcast.tiktokcdn.com/e.png'],
      elsewhere: ['https://evil.example/n.png', 'https://evil.example/c.png'],
    });
  });

  it('a frame that is not JSON has no image fields', () => {
    expect(frameImageUrls('x "https://p16-sign.tiktokcdn.com/a.webp"')).toEqual({ images: [], elsewhere: ['https://p16-sign.tiktokcdn.com/a.webp'] });
  });
});
