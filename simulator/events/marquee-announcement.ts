import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** marqueeAnnouncement: a scrolling announcement (0 by default). */
export const marqueeAnnouncementKind = tlcKind('marqueeAnnouncement', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'marqueeAnnouncement', t), messageScene: '1', messageEntity: [] };
});
