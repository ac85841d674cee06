import { tlcKind, battleIdOf, tlcCommon } from './tlc-kind.ts';

/** linkMicFanTicketMethod: co-host score totals during a multi-guest LIVE (0 by default). */
export const linkMicFanTicketMethodKind = tlcKind('linkMicFanTicketMethod', 0, (host, t, _rng, _v) => {
  const score = String(host.armyPoints[0] ?? 0);
  return { common: tlcCommon(host, 'linkMicFanTicketMethod', t), fanTicketRoomNotice: { userFanTicket: [{ userId: host.hosts.get(0).userId, fanTicket: score, matchTotalScore: score, matchRank: 1 }], totalLinkmicFanTicket: score, matchId: battleIdOf(host, t) } };
});
