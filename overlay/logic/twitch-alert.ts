import type { Message } from '../../protocol/message.ts';

/** The Twitch kinds that get an alert card. */
export const TWITCH_ALERTS = ['sub', 'resub', 'subgift', 'cheer', 'raid'];

/**
 * A Twitch alert card's line under the name and its `x n` counter, or null for kinds without a card. Lines are short
 * (15 characters at most, the landscape card's room) and name the platform; the counter carries the number: bits for
 * a cheer, months for a resub, subs for gifted subs, viewers for a raid.
 * @example twitchAlert(resub) // { line: 'Twitch resub', count: 14 }
 */
export function twitchAlert(m: Message): { line: string; count: number } | null {
  if (m.platform !== 'twitch' || !TWITCH_ALERTS.includes(m.kind)) return null;
  const tags = (m.original.data as { tags?: Record<string, string> } | null)?.tags ?? {};
  const n = Math.max(1, Math.round(m.amount?.value ?? 1));
  switch (m.kind) {
    case 'sub':
      return { line: tags['msg-param-sub-plan'] === 'Prime' ? 'Twitch Prime' : 'Twitch sub', count: 1 };
    case 'resub': {
      const months = Number(tags['msg-param-cumulative-months'] ?? '');
      return { line: 'Twitch resub', count: Number.isInteger(months) && months > 0 ? months : 1 };
    }
    case 'subgift':
      return { line: 'Twitch gift sub', count: n };
    case 'cheer':
      return { line: 'Twitch cheer', count: n };
    default:
      return { line: 'Twitch raid', count: n };
  }
}
