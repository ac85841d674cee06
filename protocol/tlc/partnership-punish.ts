import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * partnershipPunish: a partnership penalty notice. TLC v2.5 emits the decoded WebcastPartnershipPunishMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastPartnershipPunishMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"punishInfo":{}}
 * ```
 */
export const partnershipPunishTlcSchema = tlcMessage({
  punishInfo: z.object({}).loose().optional(),
});

/** partnershipPunish's TLC-style data. */
export type PartnershipPunishTlcData = z.infer<typeof partnershipPunishTlcSchema>;

/** A realistic partnershipPunish (the sample above). */
export const partnershipPunishTlcExample: PartnershipPunishTlcData = {"common":{"method":"WebcastPartnershipPunishMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"punishInfo":{}};
