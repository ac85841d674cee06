import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** notice: a notice from TikTok to the room (a guideline reminder). */
export const noticeKind = tlcKind('notice', 0.0005, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'notice', t), content: 'Remember to follow the Community Guidelines.', noticeType: 1, style: '0' };
});
