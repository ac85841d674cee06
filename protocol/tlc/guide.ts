import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * guide: a guide prompt (try this gift, follow the creator). TLC v2.5 emits the decoded WebcastGuideMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGuideMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"guideType":"1","giftId":"5655","description":"Send a Rose to show support","duration":"5000","scene":"gift"}
 * ```
 */
export const guideTlcSchema = tlcMessage({
  guideType: tlcInt64,
  giftId: tlcInt64.optional(),
  description: z.string(),
  duration: tlcInt64.optional(),
  scene: z.string().optional(),
});

/** guide's TLC-style data. */
export type GuideTlcData = z.infer<typeof guideTlcSchema>;

/** A realistic guide (the sample above). */
export const guideTlcExample: GuideTlcData = {"common":{"method":"WebcastGuideMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"guideType":"1","giftId":"5655","description":"Send a Rose to show support","duration":"5000","scene":"gift"};
