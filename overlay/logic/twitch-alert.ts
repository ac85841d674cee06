import type { Message } from '../../protocol/message.ts';

/** The Twitch kinds that get an alert card. */
export const TWITCH_ALERTS = ['sub', 'resub', 'subgift', 'cheer', 'raid'];

/** A Twitch alert's line under the name (`14 months on Twitch`), short enough for the smallest card; null for kinds without a card. */
export function twitchLine(m: Message): string | null {
  if (m.platform !== 'twitch' || !TWITCH_ALERTS.includes(m.kind)) return null;
  const tags = (m.original.data as { tags?: Record<string, string> } | null)?.tags ?? {};
  const plan = tags['msg-param-sub-plan'];
  const tier = plan === 'Prime' ? 'Prime' : plan === '2000' ? 'Tier 2' : plan === '3000' ? 'Tier 3' : 'Tier 1';
  const n = m.amount?.value ?? 0;
  switch (m.kind) {
    case 'sub':
      return tier === 'Prime' ? 'subscribed with Prime on Twitch' : `subscribed on Twitch (${tier})`;
    case 'resub': {
      const months = Number(tags['msg-param-cumulative-months'] ?? '');
      return Number.isFinite(months) && months > 1 ? `${months} months on Twitch` : 'resubscribed on Twitch';
    }
    case 'subgift':
      return `gifted ${n === 1 ? 'a sub' : 'subs'} on Twitch`;
    case 'cheer':
      return 'cheered on Twitch';
    default:
      return 'raided on Twitch';
  }
}
