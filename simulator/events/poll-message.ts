import type { Rng } from '../rng.ts';
import type { KindHost } from './kind-spec.ts';
import { tlcCommon, tlcKind, tlcUser } from './tlc-kind.ts';

/** A room's running poll: started, its votes updated a few times, then ended. */
interface Poll {
  id: string;
  title: string;
  options: string[];
  votes: number[];
  startS: number;
  updates: number;
}

const POLLS = new WeakMap<KindHost, Poll>();
const QUESTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['Next drawing?', ['A cat', 'A dragon']],
  ['Which game next?', ['Minecraft', 'Fortnite', 'Roblox']],
  ['Song request?', ['Pop', 'Rock', 'K-pop', 'Rap']],
  ['Stay up late?', ['Yes!', 'No, sleep']],
];

const options = (p: Poll) => p.options.map((displayContent, optionIdx) => ({ votes: String(p.votes[optionIdx] ?? 0), displayContent, optionIdx }));

/**
 * pollMessage: the streamer's poll, as a sequence: a start (messageType 0) with its options, vote updates (1) whose
 * counts only grow, an end (2) after about five updates. The poll lives with the room; the next one starts after.
 */
export const pollMessageKind = tlcKind('pollMessage', 0.004, (host, t, rng: Rng, v) => {
  const p = POLLS.get(host);
  if (!p) {
    const [title, opts] = rng.pick(QUESTIONS);
    const poll: Poll = { id: host.msgId(t), title, options: [...opts], votes: opts.map(() => 0), startS: Math.floor(t / 1000), updates: 0 };
    POLLS.set(host, poll);
    return { common: tlcCommon(host, 'pollMessage', t), messageType: '0', pollId: poll.id, pollKind: 1, startContent: { startTime: String(poll.startS), endTime: String(poll.startS + 60), title, optionList: options(poll), operator: tlcUser(host.hosts.get(0)) } };
  }
  p.updates++;
  for (let i = 0; i < p.votes.length; i++) p.votes[i]! += rng.int(0, 12);
  if (p.updates > 5) {
    POLLS.delete(host);
    return { common: tlcCommon(host, 'pollMessage', t), messageType: '2', pollId: p.id, pollKind: 1, endContent: { endType: 1, optionList: options(p) } };
  }
  return { common: tlcCommon(host, 'pollMessage', t), messageType: '1', pollId: p.id, pollKind: 1, updateVotesContent: { optionList: options(p), operator: tlcUser(v) } };
});
