import { readFileSync } from 'node:fs';
import * as TLC from 'tiktok-live-connector';
import { roundTrip } from '../../test/proto-defaults.ts';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../names.ts';
import { CONTROL_EVENT_NAMES, TIKFINITY_FORWARDED, TIKFINITY_TO_TLC, TIKTOK_EVENT_NAMES, TLC_MESSAGE_TYPES } from '../tiktok-names.ts';
import { tlcExamples, tlcSchemas } from './registry.ts';
import { toTlcData } from './from-tikfinity.ts';


/** Every path of `sub` with its value is in `full` (what a message keeps after the library's encode + decode). */
function missingIn(sub: unknown, full: unknown, path = ''): string[] {
  if (Array.isArray(sub)) {
    if (!Array.isArray(full) || full.length !== sub.length) return [`${path} (array)`];
    return sub.flatMap((v, i) => missingIn(v, full[i], `${path}[${i}]`));
  }
  if (typeof sub === 'object' && sub !== null) {
    if (typeof full !== 'object' || full === null) return [`${path} (object)`];
    return Object.entries(sub).flatMap(([k, v]) => missingIn(v, (full as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return Object.is(sub, full) ? [] : [`${path}: ${JSON.stringify(sub)} became ${JSON.stringify(full)}`];
}

const samples: { event: string; data: Record<string, unknown> }[] = JSON.parse(readFileSync(new URL('../fixtures/tikfinity-samples.json', import.meta.url), 'utf8'));

describe('TLC event names', () => {
  it("are exactly tiktok-live-connector 2.5's WebcastEvent values plus the five control events", () => {
    const webcast = Object.values(TLC.WebcastEvent as Record<string, string>);
    expect(new Set(TIKTOK_EVENT_NAMES)).toEqual(new Set([...webcast, ...CONTROL_EVENT_NAMES]));
    expect(TIKTOK_EVENT_NAMES.length).toBe(webcast.length + CONTROL_EVENT_NAMES.length);
    const control = Object.values(TLC.ControlEvent as Record<string, string>);
    for (const c of CONTROL_EVENT_NAMES) expect(control).toContain(c);
  });

  it("name the message type of TLC's own event map for every webcast kind", () => {
    const map = TLC.WebcastEventMap as Record<string, string>;
    for (const [type, kind] of Object.entries(map)) expect(TLC_MESSAGE_TYPES[kind as keyof typeof TLC_MESSAGE_TYPES]).toBe(type);
  });

  it("keep TikFinity's 17 forwarded kinds, each mapped to a TLC name but config", () => {
    expect([...TIKFINITY_FORWARDED].sort()).toEqual([...EVENT_NAMES].sort());
    expect(TIKFINITY_TO_TLC.subscribe).toBe('subNotify');
    expect(TIKFINITY_TO_TLC.config).toBeNull();
  });
});

describe('TLC-style schemas and examples', () => {
  it.each(TIKTOK_EVENT_NAMES.map((k) => [k]))('%s: the example validates against its schema', (k) => {
    expect(tlcSchemas[k].safeParse(tlcExamples[k]).success).toBe(true);
  });

  const webcast = TIKTOK_EVENT_NAMES.filter((k) => TLC_MESSAGE_TYPES[k] !== null && k !== 'streamEnd');
  it.each(webcast.map((k) => [k, TLC_MESSAGE_TYPES[k]!]))("%s: every field of the example survives the library's %s encoder and decoder", (k, type) => {
    const decoded = roundTrip(type, tlcExamples[k]);
    expect(missingIn(tlcExamples[k], decoded)).toEqual([]);
    expect(tlcSchemas[k].safeParse(decoded).success).toBe(true);
  });

  it('a schema refuses data of the wrong shape, with the path', () => {
    expect(tlcSchemas.like.safeParse({ ...tlcExamples.like, count: '15' }).success).toBe(false);
    expect(tlcSchemas.gift.safeParse({ ...tlcExamples.gift, giftId: 5655 }).success).toBe(false);
  });
});

describe('toTlcData', () => {
  it.each(samples.filter((s) => s.event !== 'config').map((s, i) => [`${i}:${s.event}`, s] as const))('turns the real TikFinity %s frame into valid TLC-style data', (_n, s) => {
    const r = toTlcData(s.event, s.data, { roomId: '7515581234567890123' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(tlcSchemas[r.kind].safeParse(r.data).success).toBe(true);
    const user = r.data.user as { id: string; displayId: string; nickname: string } | undefined;
    if (s.data.uniqueId !== undefined) expect(user).toMatchObject({ id: s.data.userId, displayId: s.data.uniqueId, nickname: s.data.nickname });
  });

  it('keeps what a consumer reads of each forwarded kind, under TLC v2.5 names', () => {
    const [chat, , rose, big, like, , roomUser] = samples;
    const c = toTlcData('chat', chat!.data);
    expect(c.ok && c.data.content).toBe(chat!.data.comment);
    const g = toTlcData('gift', rose!.data);
    expect(g.ok && g.data).toMatchObject({ giftId: String(rose!.data.giftId), repeatCount: rose!.data.repeatCount, repeatEnd: rose!.data.repeatEnd ? 1 : 0, gift: { name: rose!.data.giftName, diamondCount: rose!.data.diamondCount, type: rose!.data.giftType } });
    const g2 = toTlcData('gift', big!.data);
    expect(g2.ok && g2.data).toMatchObject({ gift: { type: big!.data.giftType, combo: big!.data.giftType === 1 } });
    const l = toTlcData('like', like!.data);
    expect(l.ok && l.data).toMatchObject({ count: like!.data.likeCount, total: String(like!.data.totalLikeCount) });
    const r = toTlcData('roomUser', roomUser!.data);
    expect(r.ok && r.data.total).toBe(String(roomUser!.data.viewerCount));
  });

  it('turns every kind of its own examples into themselves (the kinds whose frames carry TLC-style data already)', () => {
    for (const k of TIKTOK_EVENT_NAMES) {
      if (TIKFINITY_FORWARDED.includes(k as never)) continue;
      const r = toTlcData(k, tlcExamples[k]);
      expect(r.ok ? r.data : r.error, k).toEqual(tlcExamples[k]);
    }
  });

  it('maps subscribe to subNotify and refuses config, unknown names and non-objects with a code', () => {
    const sub = toTlcData('subscribe', { userId: '1', uniqueId: 'a', nickname: 'A', secUid: '', exhibitionType: 1, subMonth: 2, subscribingStatus: 1, oldSubscribeStatus: 2, msgId: '5', createTime: '6' });
    expect(sub.ok && sub.kind).toBe('subNotify');
    expect(sub.ok && sub.data.subMonth).toBe('2');
    expect(toTlcData('config', {})).toMatchObject({ ok: false, error: { code: 'E_NO_TLC_EVENT' } });
    expect(toTlcData('nope', {})).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_EVENT' } });
    expect(toTlcData('chat', null)).toMatchObject({ ok: false, error: { code: 'E_BAD_FIELD' } });
    expect(toTlcData('goalUpdate', { common: {} })).toMatchObject({ ok: false, error: { code: 'E_BAD_FIELD', message: expect.stringContaining('common.method') } });
  });
});
