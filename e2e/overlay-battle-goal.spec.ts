import type { Page } from '@playwright/test';
import { goalUpdateTlcExample } from '../protocol/tlc/goal-update.ts';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { NO_TOASTY, allFramesIn, expect, openOverlay, post, probe, runUntil, startTestSimulator, test, untilCheckpoint } from './fixtures.ts';

// Battles and goals through the built overlay. The battle starts with a linkMicBattle fired through the control API
// (the simulator's own hosts), its points come as linkMicArmies fired with the real hosts' ids; goals are TLC-style
// goalUpdate frames (what the simulator sends with --all-kinds) broadcast on the real socket. Screenshots are taken at
// the checkpoints the battle and goal bars announce, under the fake clock.

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

type Data = Record<string, unknown>;

/** Starts a battle through the API and returns its hosts' ids, as the simulator sent them. */
async function startBattle(page: Page, s: RunningSimulator): Promise<string[]> {
  const sent: Data[] = [];
  const listen = (f: { event: string; text: string }): void => {
    if (f.event === 'linkMicBattle') sent.push((JSON.parse(f.text) as { data: Data }).data);
  };
  s.state.sentListeners.add(listen);
  await post(s, '/api/events', { event: 'linkMicBattle' });
  await allFramesIn(page, s);
  s.state.sentListeners.delete(listen);
  expect(sent).toHaveLength(1);
  return (sent[0]!.battleUsers as Data[]).map((u) => String(u.userId));
}

/** Fires one linkMicArmies with these points per host (battleStatus 1 = score update, 2 = battle end). */
async function armies(page: Page, s: RunningSimulator, hosts: string[], points: number[], battleStatus = 1): Promise<void> {
  const battleArmies = hosts.map((hostUserId, i) => ({ hostUserId, points: points[i]!, participants: [] }));
  await post(s, '/api/events', { event: 'linkMicArmies', data: { battleStatus, battleArmies } });
  await allFramesIn(page, s);
}

/** A goalUpdate frame (TLC-style data) with this progress on the sample goal. */
function sendGoal(s: RunningSimulator, progress: number, target = 1000, extra: Data = {}): void {
  const data = structuredClone(goalUpdateTlcExample) as unknown as Data & { goal: { subGoals: Data[] } };
  const sub = data.goal.subGoals[0]!;
  sub.progress = String(progress);
  sub.target = String(target);
  // The gift's picture from the simulator's own media (no CDN under test).
  (sub.gift as Data).icon = { urlList: [`${s.url}/media/gift/5655.png`] };
  data.contributorAvatar = { urlList: [`${s.url}/media/avatar/3.png`] };
  s.state.broadcast({ event: 'goalUpdate', text: JSON.stringify({ event: 'goalUpdate', data: { ...data, ...extra } }) });
}

const GOAL = goalUpdateTlcExample.goal.idStr;

for (const layout of ['portrait', 'landscape'] as const) {
  const query = NO_TOASTY + (layout === 'landscape' ? '&layout=landscape' : '');

  test(`${layout}: a battle starts, points into the tens of thousands move the bar and the leader, and it ends with a winner`, async ({ page }) => {
    if (layout === 'landscape') await page.setViewportSize({ width: 1920, height: 1080 });
    sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
    await openOverlay(page, sim, query);
    const hosts = await startBattle(page, sim);
    await untilCheckpoint(page, 'battle:1:live:0-0');
    await armies(page, sim, hosts, [12_480, 18_950]);
    const mid = await untilCheckpoint(page, 'battle:1:live:12480-18950', { idle: true });
    expect(mid.layoutBad, mid.layoutProblems.join('\n')).toBe(0);
    const battle = mid.boxes.filter((b) => b.part === 'battle');
    expect(battle, 'one battle bar inside its region').toHaveLength(1);
    await expect(page).toHaveScreenshot(`${layout}-battle-live.png`);
    // The streamer comes back and wins: the end frame carries the final points.
    await armies(page, sim, hosts, [41_230, 38_900], 2);
    await untilCheckpoint(page, 'battle:1:end:41230-38900', { idle: true });
    await expect(page).toHaveScreenshot(`${layout}-battle-won.png`);
    // The punishment phase ends (TLC-style frame): the bar fades away cleanly.
    sim.state.broadcast({ event: 'linkMicBattlePunishFinish', text: JSON.stringify({ event: 'linkMicBattlePunishFinish', data: { common: { method: 'WebcastLinkMicBattlePunishFinish', msgId: '1', roomId: '2', createTime: '1' }, channelId: '3', opUid: '4', reason: 1, battleId: '5' } }) });
    await allFramesIn(page, sim);
    const end = await untilCheckpoint(page, 'battle:1:hidden', { idle: true });
    expect(end.boxes.filter((b) => b.part === 'battle')).toEqual([]);
    expect(end.layoutBad, end.layoutProblems.join('\n')).toBe(0);
    expect(end.bad).toBe(0);
  });

  test(`${layout}: a goal fills as gifts come in and completes with its effect`, async ({ page }) => {
    if (layout === 'landscape') await page.setViewportSize({ width: 1920, height: 1080 });
    sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
    await openOverlay(page, sim, query);
    sendGoal(sim, 342);
    await allFramesIn(page, sim);
    await untilCheckpoint(page, `goal:${GOAL}:342/1000`, { idle: true });
    await expect(page).toHaveScreenshot(`${layout}-goal-progress.png`);
    sendGoal(sim, 1000);
    await allFramesIn(page, sim);
    const done = await untilCheckpoint(page, `goal:${GOAL}:complete`, { idle: true });
    expect(done.layoutBad, done.layoutProblems.join('\n')).toBe(0);
    await expect(page).toHaveScreenshot(`${layout}-goal-complete.png`);
    // The streamer unpins it: gone.
    sendGoal(sim, 1000, 1000, { unpin: true });
    await allFramesIn(page, sim);
    const gone = await untilCheckpoint(page, `goal:${GOAL}:hidden`, { idle: true });
    expect(gone.boxes.filter((b) => b.part === 'goal')).toEqual([]);
    expect(gone.bad).toBe(0);
  });
}

test('a battle and a goal at once, beside chat and gifts, at half size (540x960): nothing overlaps', async ({ page }) => {
  await page.setViewportSize({ width: 540, height: 960 });
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  await openOverlay(page, sim, NO_TOASTY);
  const hosts = await startBattle(page, sim);
  await armies(page, sim, hosts, [8_200, 7_950]);
  sendGoal(sim, 640);
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'go go go, we can win this battle' } });
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 2 } });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.idle && q.checkpoints.includes('battle:1:live:8200-7950') && q.checkpoints.includes(`goal:${GOAL}:640/1000`)
    && q.checkpoints.some((c) => /^gift:.*:settled$/.test(c)), 'battle, goal, gift settled');
  expect(p.layoutBad, p.layoutProblems.join('\n')).toBe(0);
  expect(new Set(p.boxes.map((b) => b.part))).toEqual(new Set(['battle', 'goal', 'gifts', 'chat', 'likes']));
  await expect(page).toHaveScreenshot('portrait-540x960-battle-and-goal.png');
});

test('kinds the overlay does not show are counted on __overlay.ignored and noted once per kind, never per frame', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  const notes: string[] = [];
  page.on('console', (m) => notes.push(m.text()));
  await openOverlay(page, sim, NO_TOASTY);
  // TLC-style kinds TikFinity never forwards (sent with --all-kinds), and TikFinity kinds the overlay leaves alone.
  const frames: string[] = [];
  for (let i = 0; i < 40; i++) {
    frames.push(JSON.stringify({ event: 'pollMessage', data: { common: { method: 'WebcastPollMessage', msgId: String(i) }, messageType: 0 } }));
    frames.push(JSON.stringify({ event: 'roomPin', data: { common: { method: 'WebcastRoomPinMessage', msgId: String(i) } } }));
  }
  for (const text of frames) sim.state.broadcast({ event: 'raw', text });
  for (let i = 0; i < 25; i++) await post(sim, '/api/events', { event: 'questionNew' });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.processed === q.received, 'all frames processed');
  expect(p.ignored).toEqual({ pollMessage: 40, roomPin: 40, questionNew: 25 });
  expect(p.bad).toBe(0);
  const said = notes.filter((n) => n.includes('not shown'));
  expect(said.sort()).toEqual([
    '[overlay] event "pollMessage" not shown: not a kind the overlay shows',
    '[overlay] event "questionNew" not shown: no Q&A panel yet',
    '[overlay] event "roomPin" not shown: not a kind the overlay shows',
  ]);
  expect((await probe(page)).checkpoints.filter((c) => c.startsWith('battle:') || c.startsWith('goal:'))).toEqual([]);
});

test('with --all-kinds the simulator\'s own stream reaches the overlay: its goal is shown, every other new kind counted and noted once, no bad frame', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'busy', allKinds: true });
  const notes: string[] = [];
  page.on('console', (m) => notes.push(m.text()));
  await openOverlay(page, sim, NO_TOASTY);
  // Three seconds of the generated stream, the rare new kinds sped up (real rates make a few an hour), then a goal
  // update fired through the API.
  const rare = ['barrage', 'imDelete', 'inRoomBanner', 'rankUpdate', 'pollMessage', 'rankText', 'unauthorizedMember', 'msgDetect', 'roomPin',
    'superFan', 'giftBroadcast', 'capsule', 'guide', 'roomNotify', 'envelope', 'questionNew'];
  await fetch(`${sim.url}/api/rates`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Object.fromEntries(rare.map((k) => [k, 3]))) });
  await fetch(`${sim.url}/api/generation`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ paused: false }) });
  await new Promise((r) => setTimeout(r, 3000));
  await fetch(`${sim.url}/api/generation`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ paused: true }) });
  const goals: string[] = [];
  sim.state.sentListeners.add((f) => {
    if (f.event === 'goalUpdate') goals.push(String((JSON.parse(f.text) as { data: { goal: { idStr: string } } }).data.goal.idStr));
  });
  await post(sim, '/api/events', { event: 'goalUpdate' });
  await allFramesIn(page, sim, 30_000);
  const p = await runUntil(page, (q) => q.processed === q.received && q.checkpoints.some((c) => c.startsWith(`goal:${goals[0]}:`)), 'all processed, the fired goal shown', 100, 20_000);
  // A Rose of the stream's last moment may move the same goal once more.
  expect(goals.length).toBeGreaterThanOrEqual(1);
  expect(p.bad, 'no frame of the generated stream is bad to the overlay').toBe(0);
  const kinds = Object.keys(p.ignored);
  expect(kinds.length, `kinds counted: ${kinds.join(', ')}`).toBeGreaterThanOrEqual(10);
  expect(Object.values(p.ignored).reduce((a, b) => a + b, 0), 'frames counted').toBeGreaterThan(60);
  for (const k of ['goalUpdate', 'linkMicBattle', 'linkMicArmies', 'chat', 'gift']) expect(kinds, `${k} is shown, not ignored`).not.toContain(k);
  const said = notes.filter((n) => n.includes('not shown'));
  expect(said, 'one note per ignored kind').toHaveLength(kinds.length);
  console.log(`all-kinds: ${p.received} frames, ${Object.keys(p.ignored).length} kinds ignored: ${JSON.stringify(p.ignored)}`);
  expect(p.layoutBad, p.layoutProblems.join('\n')).toBe(0);
});
