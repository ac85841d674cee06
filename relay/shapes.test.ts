import { describe, expect, it } from 'vitest';
import { tlcExamples } from '../protocol/tlc/index.ts';
import { TIKTOK_EVENT_NAMES } from '../protocol/tiktok-names.ts';
import { SERVICE_TYPES, SHAPES, renderText, toServiceEvent } from './shapes.ts';

const c = { username: 'lena.draws', at: Date.UTC(2025, 5, 14, 0, 6) };

describe("the service's shapes from TLC-style data", () => {
  it('covers the 43 kinds of the service, each a TLC name (roomUpdate is TLC\'s roomUser)', () => {
    expect(SERVICE_TYPES).toHaveLength(43);
    expect(Object.keys(SHAPES).sort()).toEqual([...SERVICE_TYPES].sort());
    for (const t of SERVICE_TYPES) expect(t === 'roomUpdate' || (TIKTOK_EVENT_NAMES as readonly string[]).includes(t), t).toBe(true);
  });

  it('gives a gift the documented fields and types (giftId a number, repeatEnd a boolean, cost in diamonds)', () => {
    expect(toServiceEvent('gift', tlcExamples.gift, c)).toEqual({
      type: 'gift',
      data: { username: 'lena.draws', giftName: 'Rose', giftId: 5655, repeatCount: 3, repeatEnd: false, giftType: 1, cost: 1, userId: '7350695922194564138', nickname: 'Lena 🌸' },
    });
  });

  it('maps chat, like, member, roomUser → roomUpdate and the control events', () => {
    expect(toServiceEvent('chat', tlcExamples.chat, c).data).toEqual({
      username: 'lena.draws',
      message: tlcExamples.chat.content,
      userId: '7350695922194564138',
      profilePictureUrl: tlcExamples.chat.user.avatarThumb!.urlList[0],
      nickname: 'Lena 🌸',
    });
    expect(toServiceEvent('like', tlcExamples.like, c).data).toMatchObject({ likeCount: tlcExamples.like.count, totalLikeCount: Number(tlcExamples.like.total) });
    expect(toServiceEvent('roomUser', tlcExamples.roomUser, c)).toEqual({ type: 'roomUpdate', data: { viewerCount: 1287, timestamp: '2025-06-14T00:06:00.000Z' } });
    expect(toServiceEvent('connected', tlcExamples.connected, c).data).toEqual({ username: 'lena.draws', roomId: '7515581234567890123' });
    expect(toServiceEvent('disconnected', tlcExamples.disconnected, c).data).toEqual({});
    expect(toServiceEvent('error', tlcExamples.error, c).data).toEqual({ error: 'Websocket message decoding failed' });
    expect(toServiceEvent('streamEnd', { action: 3 }, c).data).toEqual({ action: 3 });
    expect(toServiceEvent('follow', tlcExamples.follow, c).data).toEqual({ username: 'lena.draws', userId: '7350695922194564138', nickname: 'Lena 🌸' });
    expect(toServiceEvent('social', tlcExamples.follow, c).data).toMatchObject({ action: 'follow', displayType: 'pm_main_follow_message_viewer_2' });
  });

  it('reads a TikFinity (TLC v1) flat object too', () => {
    const flat = { uniqueId: 'mara', userId: '42', nickname: 'Mara', profilePictureUrl: 'http://127.0.0.1/a.png', comment: 'hi' };
    expect(toServiceEvent('chat', flat, c).data).toEqual({ username: 'mara', message: 'hi', userId: '42', profilePictureUrl: 'http://127.0.0.1/a.png', nickname: 'Mara' });
  });

  it('gives every TLC example a shape whose keys are all present (null, never missing)', () => {
    for (const [kind, data] of Object.entries(tlcExamples)) {
      const out = toServiceEvent(kind, data, c);
      expect(out.data, kind).toBeTypeOf('object');
      expect(JSON.parse(JSON.stringify(out.data)), kind).toEqual(out.data);
    }
    expect(toServiceEvent('chat', {}, c).data).toEqual({ username: null, message: null, userId: null, profilePictureUrl: null, nickname: null });
  });

  it('passes TLC kinds the service never had through under their own name', () => {
    expect(toServiceEvent('toast', tlcExamples.toast, c)).toEqual({ type: 'toast', data: tlcExamples.toast });
  });

  it('renders a Text with its pieces', () => {
    expect(renderText(tlcExamples.rankText.otherGetBadgeMsg)).toBe('Lena 🌸 is now No. 2 top viewer');
  });
});
