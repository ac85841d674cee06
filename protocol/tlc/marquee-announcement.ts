import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * marqueeAnnouncement: a scrolling announcement. TLC v2.5 emits the decoded WebcastMarqueeAnnouncementMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastMarqueeAnnouncementMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageScene":"1","messageEntity":[]}
 * ```
 */
export const marqueeAnnouncementTlcSchema = tlcMessage({
  messageScene: tlcInt64,
  messageEntity: z.array(z.object({}).loose()),
});

/** marqueeAnnouncement's TLC-style data. */
export type MarqueeAnnouncementTlcData = z.infer<typeof marqueeAnnouncementTlcSchema>;

/** A realistic marqueeAnnouncement (the sample above). */
export const marqueeAnnouncementTlcExample: MarqueeAnnouncementTlcData = {"common":{"method":"WebcastMarqueeAnnouncementMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageScene":"1","messageEntity":[]};
