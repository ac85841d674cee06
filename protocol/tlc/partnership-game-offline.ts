import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * partnershipGameOffline: a partnership game went offline. TLC v2.5 emits the decoded WebcastPartnershipGameOfflineMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastPartnershipGameOfflineMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"offlineGameList":[]}
 * ```
 */
export const partnershipGameOfflineTlcSchema = tlcMessage({
  offlineGameList: z.array(z.object({}).loose()),
});

/** partnershipGameOffline's TLC-style data. */
export type PartnershipGameOfflineTlcData = z.infer<typeof partnershipGameOfflineTlcSchema>;

/** A realistic partnershipGameOffline (the sample above). */
export const partnershipGameOfflineTlcExample: PartnershipGameOfflineTlcData = {"common":{"method":"WebcastPartnershipGameOfflineMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"offlineGameList":[]};
