import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../../protocol/index.ts';
import { collect, makeEngine, SILENT, T0 } from '../generator-test-utils.ts';

// Real shares: label "{0:user} shared the LIVE"; displayTypes pm_mt_guidance_share and the viewer_5/viewer_10 ones.
describe('share frames', () => {
  it('carry the real label and the three real displayTypes, the plain one most', () => {
    const frames = collect(makeEngine({ rates: { ...SILENT, share: 30 }, quirks: { social: true } }), T0 + 30_000);
    const shares = frames.filter((f) => f.event === 'share');
    expect(shares.length).toBeGreaterThan(700);
    const types = new Map<string, number>();
    for (const f of shares) {
      expect(eventSchemas.share.safeParse(f.data).error).toBeUndefined();
      expect(f.data.label).toBe('{0:user} shared the LIVE');
      types.set(f.data.displayType as string, (types.get(f.data.displayType as string) ?? 0) + 1);
    }
    expect([...types.keys()].sort()).toEqual(['pm_mt_guidance_share', 'pm_mt_guidance_viewer_10_share', 'pm_mt_guidance_viewer_5_share']);
    expect(types.get('pm_mt_guidance_share')! / shares.length).toBeGreaterThan(0.7);
    // The social frame beside each share (quirk) says the same.
    const socials = frames.filter((f) => f.event === 'social');
    expect(socials).toHaveLength(shares.length);
    socials.forEach((s, i) => expect([s.data.label, s.data.displayType]).toEqual([shares[i]!.data.label, shares[i]!.data.displayType]));
  });
});
