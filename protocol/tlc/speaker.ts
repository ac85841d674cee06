import type { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * speaker: the active speaker changed in a multi-guest LIVE (the message carries only its header). TLC v2.5 emits the decoded WebcastSpeakerMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastSpeakerMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true}}
 * ```
 */
export const speakerTlcSchema = tlcMessage({});

/** speaker's TLC-style data. */
export type SpeakerTlcData = z.infer<typeof speakerTlcSchema>;

/** A realistic speaker (the sample above). */
export const speakerTlcExample: SpeakerTlcData = {"common":{"method":"WebcastSpeakerMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true}};
