import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFrame, type KnownFrame } from '../../protocol/index.ts';
import { checkFrame } from './frame-guard.ts';

const samples = JSON.parse(readFileSync(new URL('../../protocol/fixtures/tikfinity-samples.json', import.meta.url), 'utf8')) as unknown;

function frames(): KnownFrame[] {
  const out: KnownFrame[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as { event?: unknown; data?: unknown };
      if (typeof o.event === 'string' && o.data && typeof o.data === 'object') {
        const r = parseFrame(JSON.stringify({ event: o.event, data: o.data }), { validate: false });
        if (r.ok && r.frame.known) out.push(r.frame);
      } else Object.values(o).forEach(walk);
    }
  };
  walk(samples);
  return out;
}

describe('checkFrame', () => {
  it('accepts every real TikFinity sample the full schema accepts', () => {
    const fs = frames();
    expect(fs.length).toBeGreaterThan(3);
    for (const f of fs) {
      const full = parseFrame(JSON.stringify({ event: f.event, data: f.data }));
      if (full.ok) expect(checkFrame(f)).toBeNull();
    }
  });

  it('names the first bad field the overlay reads', () => {
    const gift = frames().find((f) => f.event === 'gift')!;
    const bad = { ...gift, data: { ...gift.data, repeatCount: '3' } } as unknown as KnownFrame;
    expect(checkFrame(bad)).toBe('repeatCount');
    const noUser = { ...gift, data: { ...gift.data, userId: 5 } } as unknown as KnownFrame;
    expect(checkFrame(noUser)).toBe('userId');
  });
});
