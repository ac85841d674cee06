import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../../protocol/index.ts';
import { collect, makeEngine, SILENT, T0 } from '../generator-test-utils.ts';

/** The first keys of the real TikFinity subscribe capture (docs/REAL-DATA.md): the subscription leads, then the user. */
const REAL_HEAD = ['exhibitionType', 'subMonth', 'subscribingStatus', 'userId', 'secUid', 'uniqueId', 'nickname', 'profilePictureUrl', 'followRole'];

describe('subscribe frames', () => {
  const subs = collect(makeEngine({ rates: { ...SILENT, subscribe: 30 } }), T0 + 30_000).filter((f) => f.event === 'subscribe');

  it('put exhibitionType, subMonth and subscribingStatus before the user block, as the real capture does', () => {
    expect(subs.length).toBeGreaterThan(700);
    const asReal = subs.find((f) => f.data.exhibitionType === 2 && f.data.subMonth === 1)!;
    expect(Object.keys(asReal.data).slice(0, REAL_HEAD.length)).toEqual(REAL_HEAD);
    for (const f of subs) {
      expect(eventSchemas.subscribe.safeParse(f.data).error).toBeUndefined();
      const keys = Object.keys(f.data);
      expect(keys.indexOf('subscribingStatus')).toBeLessThan(keys.indexOf('userId'));
      expect(keys.slice(-4)).toEqual(['msgId', 'createTime', 'tikfinityUserId', 'tikfinityUsername']);
    }
  });

  it('draw exhibitionType values besides 0 (absent when 0, as v1 copies only what TikTok sends)', () => {
    const values = new Set(subs.map((f) => f.data.exhibitionType));
    expect(values).toEqual(new Set([undefined, 1, 2]));
    const renewals = subs.filter((f) => (f.data.subMonth as number) > 1);
    for (const f of renewals) expect(f.data.oldSubscribeStatus).toBe(1);
    for (const f of subs.filter((x) => x.data.subMonth === 1)) expect(f.data).not.toHaveProperty('oldSubscribeStatus');
  });
});
