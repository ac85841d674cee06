import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** accessControl: TikTok asks for a captcha before the viewer may go on (0 by default). */
export const accessControlKind = tlcKind('accessControl', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'accessControl', t), captcha: {} };
});
