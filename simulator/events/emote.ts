import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { Population, Viewer } from '../population.ts';
import type { Rng } from '../rng.ts';
import type { KindHost, KindSpec } from './kind-spec.ts';

/** A subscriber emote sent to the room; `emote` picks the simulator's image `/media/emote/<0..7>.png`. */
export interface EmoteParams extends MessageParams {
  emote: number;
  emoteId: string;
}

/** Number of emote images the media module serves. */
export const EMOTE_COUNT = 8;

/** The emote id the simulator uses for emote image `n`. */
export function emoteIdOf(n: number): string {
  return `71097662249325${40000 + n * 1117}`;
}

const HEAD = frameHead('emote');

/** The exact frame text of an emote event. */
export function emoteFrame(p: EmoteParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"emoteId":"${p.emoteId}","emoteImageUrl":"${ctx.mediaBase}/media/emote/${p.emote}.png"${ctx.tail}`;
}

/** Draws by activity before falling back to the most active subscriber. */
const SUBSCRIBER_TRIES = 64;

/**
 * A subscriber drawn by activity: subscriber emotes can only be sent by subscribers. Falls back to the most active
 * subscriber, and in a room with none makes the drawn viewer one.
 */
export function activeSubscriber(pop: Population, rng: Rng): Viewer {
  let first = -1;
  for (let k = 0; k < SUBSCRIBER_TRIES; k++) {
    const i = pop.sample(rng);
    if (first < 0) first = i;
    if (pop.get(i).isSubscriber) return pop.get(i);
  }
  for (let i = 0; i < Math.min(pop.size, 1000); i++) if (pop.get(i).isSubscriber) return pop.get(i);
  pop.override(first, { isSubscriber: true });
  return pop.get(first);
}

function emoteText(host: KindHost, v: Viewer, t: number, rng: Rng): string {
  const msgId = host.msgId(t);
  const n = rng.int(0, EMOTE_COUNT - 1);
  return emoteFrame({ user: v, msgId, t, emote: n, emoteId: emoteIdOf(n) }, host.ctx);
}

/** emote: a subscriber emote sent on its own, always by a subscriber (a fired one makes its viewer one). */
export const emoteKind = {
  rate: 0.02,
  generate(host, tf, emit) {
    const t = Math.floor(tf);
    host.send(emit, 'emote', emoteText(host, activeSubscriber(host.pop, host.rng), t, host.rng), tf);
  },
  build: (host, viewer, _data, rng) => {
    if (!host.pop.get(viewer).isSubscriber) host.pop.override(viewer, { isSubscriber: true });
    return (t) => emoteText(host, host.pop.get(viewer), t, rng);
  },
  consumes: [],
} satisfies KindSpec;
