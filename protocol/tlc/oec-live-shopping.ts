import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * oecLiveShopping: a LIVE-shopping product card was pinned or updated. TLC v2.5 emits the decoded WebcastOecLiveShoppingMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastOecLiveShoppingMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"actionType":1,"liveProductNumber":3,"cardType":1}
 * ```
 */
export const oecLiveShoppingTlcSchema = tlcMessage({
  actionType: z.number(),
  liveProductNumber: z.number().optional(),
  cardType: z.number().optional(),
});

/** oecLiveShopping's TLC-style data. */
export type OecLiveShoppingTlcData = z.infer<typeof oecLiveShoppingTlcSchema>;

/** A realistic oecLiveShopping (the sample above). */
export const oecLiveShoppingTlcExample: OecLiveShoppingTlcData = {"common":{"method":"WebcastOecLiveShoppingMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"actionType":1,"liveProductNumber":3,"cardType":1};
