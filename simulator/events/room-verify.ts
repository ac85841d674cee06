import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** roomVerify: TikTok reviews the LIVE (a moderation notice; rare, 0 by default). */
export const roomVerifyKind = tlcKind('roomVerify', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'roomVerify', t), action: 1, content: 'Your LIVE is under review.', noticeType: '1', closeRoom: false };
});
