import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../../protocol/index.ts';
import { collect, makeEngine, SILENT, T0 } from '../generator-test-utils.ts';

const hasSubBadge = (d: Record<string, unknown>): boolean => (d.userBadges as { badgeSceneType: number }[]).some((b) => b.badgeSceneType === 4);

// Subscriber emotes: only subscribers send them, alone or in a chat.
describe('emote senders', () => {
  it('are subscribers with the subscriber badge, generated or in chat', () => {
    const frames = collect(makeEngine({ rates: { ...SILENT, emote: 20, chat: 50 }, population: 100_000 }), T0 + 30_000);
    const emotes = frames.filter((f) => f.event === 'emote');
    expect(emotes.length).toBeGreaterThan(400);
    for (const f of emotes) {
      expect(eventSchemas.emote.safeParse(f.data).error).toBeUndefined();
      expect(f.data.isSubscriber).toBe(true);
      expect(hasSubBadge(f.data)).toBe(true);
    }
    const chats = frames.filter((f) => f.event === 'chat');
    const withEmote = chats.filter((f) => (f.data.emotes as unknown[]).length > 0);
    expect(withEmote.length / chats.length).toBeGreaterThan(0.01);
    for (const f of withEmote) expect(f.data.isSubscriber).toBe(true);
  });

  it('fired from a non-subscriber makes that viewer a subscriber, badge included, for what follows', () => {
    const e = makeEngine({ rates: SILENT });
    const v = e.viewers('', 200).find((x) => !x.isSubscriber)!;
    e.fire({ event: 'emote', user: { uniqueId: v.uniqueId } }, T0 + 10);
    e.fire({ event: 'chat', user: { uniqueId: v.uniqueId } }, T0 + 20);
    const got = collect(e, T0 + 2000).filter((f) => f.data.uniqueId === v.uniqueId);
    expect(got.map((f) => f.event)).toEqual(['emote', 'chat']);
    for (const f of got) expect([f.data.isSubscriber, hasSubBadge(f.data)]).toEqual([true, true]);
  });
});
