/** A sample frame from tikfinity-samples.json. */
export interface ScriptFrame {
  event: string;
  data: Record<string, unknown>;
}

/** One frame to send, then a pause. */
export interface Step {
  text: string;
  delayMs: number;
}

const NAMES = ['ana', 'Bo 🐻', 'Chloé', '小明', 'Dmitri_the_incredibly_long_username_of_doom', 'évelyne', 'Kai ✨', 'Sora', '지민', 'Lena'];
const COMMENTS = [
  'hello from Lisbon 👋', 'this overlay is so clean!!', '我来了 🎉', 'lets gooo 🔥🔥🔥', 'what game is this?',
  'a really long message that goes on and on about everything and nothing just to see how the overlay truncates text cleanly at the end of two lines',
  'こんにちは', '❤️❤️❤️',
];

/** Builds a looped dev script from the real samples: chat, joins, likes, streaks, a big gift, roomUser, config. */
export function buildScript(samples: ScriptFrame[], base: string, storm: boolean): Step[] {
  const by = (e: string): ScriptFrame[] => samples.filter((s) => s.event === e);
  const [chat] = by('chat');
  const gifts = by('gift');
  const rose = gifts.find((g) => g.data.giftType === 1)!;
  const big = gifts.find((g) => g.data.giftType !== 1)!;
  const [like] = by('like');
  const [member] = by('member');
  const room = by('roomUser');
  const out: Step[] = [];
  let msg = 1000;
  const user = (i: number): Record<string, unknown> => ({
    userId: String(7000000 + i), uniqueId: `user${i}`, nickname: NAMES[i % NAMES.length], profilePictureUrl: `${base}/media/avatar/${i}.png`,
  });
  const send = (f: ScriptFrame, patch: Record<string, unknown>, delayMs: number): void => {
    out.push({ text: JSON.stringify({ event: f.event, data: { ...f.data, ...patch, msgId: String(++msg) } }), delayMs });
  };
  const config = by('config')[0];
  if (config) out.push({ text: JSON.stringify(config), delayMs: 50 });
  if (storm) {
    for (let i = 0; i < 400; i++) {
      const g = i % 10 === 0 ? big : rose;
      send(g, { ...user(i % 50), groupId: String(1749859560000 + i), repeatCount: 1, repeatEnd: g === big ? false : i % 2 === 0, giftPictureUrl: `${base}/media/gift/${i % 7}.png` }, 3);
    }
    return out;
  }
  for (let i = 0; i < 8; i++) send(chat!, { ...user(i), comment: COMMENTS[i % COMMENTS.length] }, 600);
  for (let i = 0; i < 14; i++) send(member!, { ...user(20 + i), actionId: 1 }, 40);
  const gid = String(Date.now());
  for (let c = 1; c <= 6; c++) send(rose, { ...user(3), groupId: gid, repeatCount: c, repeatEnd: false, giftPictureUrl: `${base}/media/gift/1.png` }, 500);
  send(rose, { ...user(3), groupId: gid, repeatCount: 6, repeatEnd: true, giftPictureUrl: `${base}/media/gift/1.png` }, 300);
  send(big, { ...user(4), groupId: String(Date.now() + 1), giftPictureUrl: `${base}/media/gift/4.png` }, 800);
  for (let i = 0; i < 6; i++) send(like!, { ...user(40 + i), likeCount: 15 }, 150);
  for (const r of room) {
    const tv = (r.data.topViewers as { user: Record<string, unknown>; coinCount: number }[]).map((t, j) => ({ ...t, user: { ...t.user, ...user(60 + j) } }));
    out.push({ text: JSON.stringify({ event: 'roomUser', data: { ...r.data, topViewers: tv, viewerCount: 1234 } }), delayMs: 500 });
  }
  out.push({ text: '{not json', delayMs: 100 });
  return out;
}
