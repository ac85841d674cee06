import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** giftPrompt: a spending reminder to the viewer (0 by default). */
export const giftPromptKind = tlcKind('giftPrompt', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'giftPrompt', t), title: 'Take a break?', body: 'You have sent many gifts today.', blockNumDays: 0 };
});
