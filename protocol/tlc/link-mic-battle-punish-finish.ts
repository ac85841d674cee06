import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicBattlePunishFinish: a battle's punishment (forfeit) phase is over. TLC v2.5 emits the decoded WebcastLinkMicBattlePunishFinish.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicBattlePunishFinish","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"channelId":"7515592233445500001","opUid":"6983923605470856197","reason":1,"battleId":"7515592233445566778"}
 * ```
 */
export const linkMicBattlePunishFinishTlcSchema = tlcMessage({
  channelId: tlcInt64,
  opUid: tlcInt64,
  reason: z.number(),
  battleId: tlcInt64,
});

/** linkMicBattlePunishFinish's TLC-style data. */
export type LinkMicBattlePunishFinishTlcData = z.infer<typeof linkMicBattlePunishFinishTlcSchema>;

/** A realistic linkMicBattlePunishFinish (the sample above). */
export const linkMicBattlePunishFinishTlcExample: LinkMicBattlePunishFinishTlcData = {"common":{"method":"WebcastLinkMicBattlePunishFinish","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"channelId":"7515592233445500001","opUid":"6983923605470856197","reason":1,"battleId":"7515592233445566778"};
