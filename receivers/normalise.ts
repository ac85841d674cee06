import type { Message } from '../protocol/message.ts';
import { normaliseTiktok } from './normalise-tiktok.ts';
import { normaliseTwitch } from './normalise-twitch.ts';
import type { Received } from './receiver.ts';

/**
 * Any receiver's event → the one normalised Message (protocol/message.ts), by platform; null for events that are
 * states rather than messages (a receiver's `connected`). `seq` numbers messages that carry no id of their own.
 */
export function normalise(e: Received, seq: number): Message | null {
  return e.platform === 'twitch' ? normaliseTwitch(e, seq) : normaliseTiktok(e, seq);
}
