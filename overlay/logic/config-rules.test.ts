import { describe, expect, it } from 'vitest';
import samples from '../../protocol/fixtures/tikfinity-samples.json' with { type: 'json' };
import { configSchema, type ConfigData } from '../../protocol/index.ts';
import { RuleEngine, type RuleUser } from './config-rules.ts';

const user: RuleUser = { userId: '1', followRole: 0, isSubscriber: false, isModerator: false };
const sample = configSchema.parse((samples as { event: string; data: unknown }[]).find((f) => f.event === 'config')!.data);

describe('RuleEngine', () => {
  it('matches the captured config: follow, gift by id, subscribe, min_coins', () => {
    const e = new RuleEngine();
    e.setConfig(sample);
    expect(e.match({ type: 'follow', user }).map((a) => a.name)).toEqual(['thanks follow', 'Follow Alert']);
    expect(e.match({ type: 'gift', user, giftId: 5655, diamonds: 3 }).map((a) => a.name)).toEqual(['Anime Wow', 'Gift Alert']);
    expect(e.match({ type: 'gift', user, giftId: 1, diamonds: 0 })).toEqual([]);
    expect(e.match({ type: 'subscribe', user })).toEqual([{ type: 'action', name: 'Sub Alert' }]);
    expect(e.match({ type: 'share', user })).toEqual([]);
  });

  it('fires a likes rule each time minLikesAmount likes have accumulated', () => {
    const e = new RuleEngine();
    e.setConfig(sample);
    const fired: number[] = [];
    for (let i = 0; i < 30; i++) if (e.match({ type: 'like', user, likeCount: 15 }).length) fired.push(i);
    expect(fired).toEqual([6, 13, 20, 27]);
  });

  it('ignores unknown triggers and disabled rules with a log, filters by audience', () => {
    const logs: string[] = [];
    const e = new RuleEngine((m) => logs.push(m));
    const cfg: ConfigData = {
      events: [
        { type: 'event', enabled: true, trigger: { type: 'teleport' }, actions: [{ type: 'action', name: 'X' }] },
        { type: 'event', enabled: false, trigger: { type: 'follow' }, actions: [{ type: 'action', name: 'Y' }] },
        { type: 'event', enabled: true, trigger: { type: 'share', availableFor: 'subscribers' }, actions: [{ type: 'action', name: 'Z' }] },
      ],
    };
    e.setConfig(cfg);
    expect(logs).toEqual(['config: ignoring rule with unknown trigger "teleport"']);
    expect(e.match({ type: 'follow', user })).toEqual([]);
    expect(e.match({ type: 'share', user })).toEqual([]);
    expect(e.match({ type: 'share', user: { ...user, isSubscriber: true } })).toEqual([{ type: 'action', name: 'Z' }]);
  });
});
