import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicFanTicketMethod: co-host fan-ticket (score) totals during a multi-guest LIVE. TLC v2.5 emits the decoded WebcastLinkMicFanTicketMethod.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicFanTicketMethod","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"fanTicketRoomNotice":{"userFanTicket":[{"userId":"6983923605470856197","fanTicket":"18320","matchTotalScore":"18320","matchRank":1}],"totalLinkmicFanTicket":"18320","matchId":"7515592233445566778"}}
 * ```
 */
export const linkMicFanTicketMethodTlcSchema = tlcMessage({
  fanTicketRoomNotice: z.object({ userFanTicket: z.array(z.object({ userId: tlcInt64, fanTicket: tlcInt64, matchTotalScore: tlcInt64.optional(), matchRank: z.number().optional() }).loose()), totalLinkmicFanTicket: tlcInt64, matchId: tlcInt64.optional() }).loose().optional(),
});

/** linkMicFanTicketMethod's TLC-style data. */
export type LinkMicFanTicketMethodTlcData = z.infer<typeof linkMicFanTicketMethodTlcSchema>;

/** A realistic linkMicFanTicketMethod (the sample above). */
export const linkMicFanTicketMethodTlcExample: LinkMicFanTicketMethodTlcData = {"common":{"method":"WebcastLinkMicFanTicketMethod","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"fanTicketRoomNotice":{"userFanTicket":[{"userId":"6983923605470856197","fanTicket":"18320","matchTotalScore":"18320","matchRank":1}],"totalLinkmicFanTicket":"18320","matchId":"7515592233445566778"}};
