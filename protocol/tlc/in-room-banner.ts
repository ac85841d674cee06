import type { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * inRoomBanner: an in-room banner was updated (the message carries only its header). TLC v2.5 emits the decoded WebcastInRoomBannerMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastInRoomBannerMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true}}
 * ```
 */
export const inRoomBannerTlcSchema = tlcMessage({});

/** inRoomBanner's TLC-style data. */
export type InRoomBannerTlcData = z.infer<typeof inRoomBannerTlcSchema>;

/** A realistic inRoomBanner (the sample above). */
export const inRoomBannerTlcExample: InRoomBannerTlcData = {"common":{"method":"WebcastInRoomBannerMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true}};
