import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * partnershipDropsUpdate: a partnership drops campaign changed. TLC v2.5 emits the decoded WebcastPartnershipDropsUpdateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastPartnershipDropsUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"changeMode":1,"dropsId":"7515596677889900112","taskId":"1"}
 * ```
 */
export const partnershipDropsUpdateTlcSchema = tlcMessage({
  changeMode: z.number(),
  dropsId: tlcInt64,
  taskId: tlcInt64.optional(),
});

/** partnershipDropsUpdate's TLC-style data. */
export type PartnershipDropsUpdateTlcData = z.infer<typeof partnershipDropsUpdateTlcSchema>;

/** A realistic partnershipDropsUpdate (the sample above). */
export const partnershipDropsUpdateTlcExample: PartnershipDropsUpdateTlcData = {"common":{"method":"WebcastPartnershipDropsUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"changeMode":1,"dropsId":"7515596677889900112","taskId":"1"};
