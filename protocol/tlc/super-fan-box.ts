import type { z } from 'zod';
import { envelopeTlcSchema } from './envelope.ts';

/**
 * superFanBox: a super-fan chest (envelope with businessType 5 or key ttlive_superfanbox; TLC emits envelope too). TLC v2.5 emits the decoded WebcastEnvelopeMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastEnvelopeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"ttlive_superfanbox","defaultPattern":"{0:user} sent a Super Fan Box","pieces":[]}},"envelopeInfo":{"envelopeId":"7515593344556677890","businessType":5,"sendUserName":"Marco plays","diamondCount":100,"peopleCount":20,"unpackAt":1749859740,"sendUserId":"6983923605470856197","createAt":"1749859560","superFanCount":20},"display":1}
 * ```
 */
export const superFanBoxTlcSchema = envelopeTlcSchema; // the same WebcastEnvelopeMessage as envelope: one schema per TLC message type.

/** superFanBox's TLC-style data. */
export type SuperFanBoxTlcData = z.infer<typeof superFanBoxTlcSchema>;

/** A realistic superFanBox (the sample above). */
export const superFanBoxTlcExample: SuperFanBoxTlcData = {"common":{"method":"WebcastEnvelopeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"ttlive_superfanbox","defaultPattern":"{0:user} sent a Super Fan Box","pieces":[]}},"envelopeInfo":{"envelopeId":"7515593344556677890","businessType":5,"sendUserName":"Marco plays","diamondCount":100,"peopleCount":20,"unpackAt":1749859740,"sendUserId":"6983923605470856197","createAt":"1749859560","superFanCount":20},"display":1};
