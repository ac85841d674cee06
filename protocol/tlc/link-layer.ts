import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkLayer: a co-host layer change (channel created, invite, list change). TLC v2.5 emits the decoded WebcastLinkLayerMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkLayerMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":1,"channelId":"7515592233445500001","scene":2,"source":"","rtcRoomId":"0"}
 * ```
 */
export const linkLayerTlcSchema = tlcMessage({
  messageType: z.number(),
  channelId: tlcInt64,
  scene: z.number(),
  source: z.string().optional(),
  rtcRoomId: tlcInt64.optional(),
});

/** linkLayer's TLC-style data. */
export type LinkLayerTlcData = z.infer<typeof linkLayerTlcSchema>;

/** A realistic linkLayer (the sample above). */
export const linkLayerTlcExample: LinkLayerTlcData = {"common":{"method":"WebcastLinkLayerMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":1,"channelId":"7515592233445500001","scene":2,"source":"","rtcRoomId":"0"};
