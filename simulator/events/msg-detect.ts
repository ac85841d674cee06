import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** msgDetect: TikTok's delivery probe: checks the message channel, nothing to show. */
export const msgDetectKind = tlcKind('msgDetect', 0.002, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'msgDetect', t), dType: 1, triggerBy: 1, fromRegion: rng.pick(['US', 'GB', 'DE', 'BR', 'ID']), tInfo: { clientStartMs: String(t - 60), apiRecvTimeMs: String(t - 20), apiSendToGoimMs: String(t - 10) } };
});
