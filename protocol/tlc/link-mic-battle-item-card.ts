import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicBattleItemCard: a battle power-up card was obtained or used (critical strike, smoke, extra time...). TLC v2.5 emits the decoded WebcastLinkMicBattleItemCard.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicBattleItemCard","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"battleId":"7515592233445566778","msgType":1,"awardReason":0}
 * ```
 */
export const linkMicBattleItemCardTlcSchema = tlcMessage({
  battleId: tlcInt64,
  msgType: z.number(),
  awardReason: z.number().optional(),
});

/** linkMicBattleItemCard's TLC-style data. */
export type LinkMicBattleItemCardTlcData = z.infer<typeof linkMicBattleItemCardTlcSchema>;

/** A realistic linkMicBattleItemCard (the sample above). */
export const linkMicBattleItemCardTlcExample: LinkMicBattleItemCardTlcData = {"common":{"method":"WebcastLinkMicBattleItemCard","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"battleId":"7515592233445566778","msgType":1,"awardReason":0};
