import { z } from 'zod';
import { tlcImageSchema, tlcInt64, tlcMessage } from './common.ts';

/**
 * envelope: a treasure chest: coins (diamondCount) shared among peopleCount who open it at unpackAt (epoch s). TLC v2.5 emits the decoded WebcastEnvelopeMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastEnvelopeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"envelopeInfo":{"envelopeId":"7515593344556677889","businessType":1,"sendUserName":"Marco plays","diamondCount":20,"peopleCount":10,"unpackAt":1749859740,"sendUserId":"6983923605470856197","sendUserAvatar":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]},"createAt":"1749859560","roomId":"7515581234567890123"},"display":1}
 * ```
 */
export const envelopeTlcSchema = tlcMessage({
  envelopeInfo: z.object({ envelopeId: tlcInt64, businessType: z.number(), sendUserName: z.string(), diamondCount: z.number(), peopleCount: z.number(), unpackAt: z.number(), sendUserId: tlcInt64, sendUserAvatar: tlcImageSchema.optional(), createAt: tlcInt64, roomId: z.string().optional(), superFanCount: z.number().optional() }).loose().optional(),
  display: z.number(),
});

/** envelope's TLC-style data. */
export type EnvelopeTlcData = z.infer<typeof envelopeTlcSchema>;

/** A realistic envelope (the sample above). */
export const envelopeTlcExample: EnvelopeTlcData = {"common":{"method":"WebcastEnvelopeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"envelopeInfo":{"envelopeId":"7515593344556677889","businessType":1,"sendUserName":"Marco plays","diamondCount":20,"peopleCount":10,"unpackAt":1749859740,"sendUserId":"6983923605470856197","sendUserAvatar":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]},"createAt":"1749859560","roomId":"7515581234567890123"},"display":1};
