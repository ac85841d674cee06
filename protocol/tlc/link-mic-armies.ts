import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicArmies: a battle score update: per host its points (hostscore) and top gifters. TLC v2.5 emits the decoded WebcastLinkMicArmies.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicArmies","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"battleId":"7515592233445566778","triggerReason":1,"fromUserId":"7350695922194564138","giftId":"5655","giftCount":1,"totalDiamondCount":1,"repeatCount":1,"armies":{"6983923605470856197":{"userArmies":[{"userId":"7350695922194564138","score":"12450","nickname":"Lena 🌸","diamondScore":"2490"}],"hostscore":"18320","anchorIdStr":"6983923605470856197"},"7001122334455667788":{"userArmies":[{"userId":"7099887766554433221","score":"9100","nickname":"nightowl"}],"hostscore":"15770","anchorIdStr":"7001122334455667788"}}}
 * ```
 */
export const linkMicArmiesTlcSchema = tlcMessage({
  battleId: tlcInt64,
  armies: z.record(z.string(), z.object({ userArmies: z.array(z.object({ userId: tlcInt64, score: tlcInt64, nickname: z.string(), diamondScore: tlcInt64.optional(), userIdStr: z.string().optional() }).loose()), hostscore: tlcInt64, anchorIdStr: z.string() }).loose()),
  triggerReason: z.number(),
  fromUserId: tlcInt64.optional(),
  giftId: tlcInt64.optional(),
  giftCount: z.number().optional(),
  totalDiamondCount: z.number().optional(),
  repeatCount: z.number().optional(),
});

/** linkMicArmies's TLC-style data. */
export type LinkMicArmiesTlcData = z.infer<typeof linkMicArmiesTlcSchema>;

/** A realistic linkMicArmies (the sample above). */
export const linkMicArmiesTlcExample: LinkMicArmiesTlcData = {"common":{"method":"WebcastLinkMicArmies","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"battleId":"7515592233445566778","triggerReason":1,"fromUserId":"7350695922194564138","giftId":"5655","giftCount":1,"totalDiamondCount":1,"repeatCount":1,"armies":{"6983923605470856197":{"userArmies":[{"userId":"7350695922194564138","score":"12450","nickname":"Lena 🌸","diamondScore":"2490"}],"hostscore":"18320","anchorIdStr":"6983923605470856197"},"7001122334455667788":{"userArmies":[{"userId":"7099887766554433221","score":"9100","nickname":"nightowl"}],"hostscore":"15770","anchorIdStr":"7001122334455667788"}}};
