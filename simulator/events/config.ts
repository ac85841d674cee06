import type { ConfigRule } from '../../protocol/index.ts';
import type { KindSpec } from './kind-spec.ts';

/** TikFinity's "Actions & Events" setup; sent on connect by the server, or fired. */
export interface ConfigParams {
  events: readonly ConfigRule[];
}

/** A small default setup like the real capture's (gift image on the simulator's own media). */
export function defaultConfigRules(mediaBase: string): ConfigRule[] {
  return [
    { type: 'soundalert', enabled: true, trigger: { type: 'follow' }, actions: [{ type: 'sound', name: 'thanks follow' }] },
    {
      type: 'soundalert',
      enabled: true,
      trigger: { type: 'gift', id: 5655, name: 'Rose', coins: 1, imageUrl: `${mediaBase}/media/gift/5655.png` },
      actions: [{ type: 'sound', name: 'Anime Wow' }],
    },
    { type: 'event', enabled: true, trigger: { type: 'likes', availableFor: 'any', minLikesAmount: 100 }, actions: [{ type: 'action', name: 'Like Alert' }] },
  ];
}

/** The exact frame text of a config event (no tikfinity fields: the real one has none). */
export function configFrame(p: ConfigParams): string {
  return `{"event":"config","data":{"events":${JSON.stringify(p.events)}}}`;
}

/** config: sent to each client on connect; fired, it replaces the rules (no other field applies). */
export const configKind = {
  noBurst: true,
  build: (host, _vi, data) => () => configFrame({ events: Array.isArray(data.events) ? (data.events as ConfigParams['events']) : defaultConfigRules(host.ctx.mediaBase) }),
  consumes: 'all',
} satisfies KindSpec;
