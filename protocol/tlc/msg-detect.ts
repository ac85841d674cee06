import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * msgDetect: TikTok's delivery probe (checks the message channel; nothing to show). TLC v2.5 emits the decoded WebcastMsgDetectMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastMsgDetectMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"dType":1,"triggerBy":1,"fromRegion":"US","tInfo":{"clientStartMs":"1749859560000","apiRecvTimeMs":"1749859560040","apiSendToGoimMs":"1749859560050"}}
 * ```
 */
export const msgDetectTlcSchema = tlcMessage({
  dType: z.number(),
  triggerBy: z.number(),
  fromRegion: z.string(),
  tInfo: z.object({ clientStartMs: tlcInt64, apiRecvTimeMs: tlcInt64, apiSendToGoimMs: tlcInt64 }).loose().optional(),
});

/** msgDetect's TLC-style data. */
export type MsgDetectTlcData = z.infer<typeof msgDetectTlcSchema>;

/** A realistic msgDetect (the sample above). */
export const msgDetectTlcExample: MsgDetectTlcData = {"common":{"method":"WebcastMsgDetectMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"dType":1,"triggerBy":1,"fromRegion":"US","tInfo":{"clientStartMs":"1749859560000","apiRecvTimeMs":"1749859560040","apiSendToGoimMs":"1749859560050"}};
