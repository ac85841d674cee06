import { describe, expect, it } from 'vitest';
import type Phaser from 'phaser';
import { MediaCache } from './media-cache.ts';

// Non-URL strings fail at once (no Image needed): enough to exercise holding and eviction.
const fakeTextures = { exists: () => false, remove: () => {}, addCanvas: () => null } as unknown as Phaser.Textures.TextureManager;

describe('MediaCache', () => {
  it('never evicts a held picture, and a stale lease cannot release a newer entry', () => {
    const m = new MediaCache(fakeTextures, 2);
    const a = m.request('a', 'avatar');
    // A lease kept by a scene that never held it (as a queued chat line would be)...
    expect(m.settled(a)).toBe(true);
    m.request('b', 'avatar');
    m.request('c', 'avatar');
    expect(a.state).toBe('evicted');
    // ...then the same picture is held by another scene under a fresh entry.
    const a2 = m.hold(m.request('a', 'avatar'));
    expect(a2).not.toBe(a);
    m.release(a); // the stale lease: must not drop a2's reference
    m.request('d', 'avatar');
    m.request('e', 'avatar');
    expect(a2.state).not.toBe('evicted');
    expect(m.textureKey(a2)).toBe('fallback-avatar');
    m.release(a2);
    m.request('f', 'avatar');
    m.request('g', 'avatar');
    expect(a2.state).toBe('evicted');
  });

  it('hold() of an evicted lease takes a fresh entry', () => {
    const m = new MediaCache(fakeTextures, 1);
    const a = m.request('a', 'gift');
    m.request('b', 'gift');
    expect(a.state).toBe('evicted');
    const held = m.hold(a);
    expect(held).not.toBe(a);
    expect(held.refs).toBe(1);
    expect(m.textureKey(held)).toBe('fallback-gift');
  });
});
