import { parseIrcLine } from '../protocol/twitch/irc-line.ts';
import { aggregate, type Aggregate } from '../receivers/aggregate.ts';
import { serveAggregate, type AggregateServer } from '../receivers/aggregate-server.ts';
import { TikfinityReceiver } from '../receivers/tikfinity.ts';
import { TwitchReceiver } from '../receivers/twitch.ts';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { render } from '../simulator/twitch/lines.ts';
import { startTwitchServer, type RunningTwitch } from '../simulator/twitch/server.ts';
import { NO_TOASTY, expect, openOverlay, post, probe, runUntil, startTestSimulator, test, untilCheckpoint } from './fixtures.ts';

// Twitch chat beside TikTok's in the overlay, with every part real: the simulator's TikFinity socket, the fake Twitch,
// the Twitch receiver and the TikFinity receiver merged by aggregate() and served on the merged socket as
// `tiksim watch --serve-port` does; the overlay opened with ?aggregate= reads both sockets. Screenshots at the
// checkpoints the chat and alert scenes announce, under the fake clock.

let sim: RunningSimulator | undefined;
let twitch: RunningTwitch | undefined;
let agg: Aggregate | undefined;
let merged: AggregateServer | undefined;
test.afterEach(async () => {
  await merged?.close();
  await agg?.stop();
  await twitch?.close();
  await sim?.close();
  sim = twitch = agg = merged = undefined;
});

/** One Twitch line into #somechannel, as the fake sends it (tags for clients that asked for them). */
function sendTwitch(t: RunningTwitch, line: string): string {
  const p = parseIrcLine(line);
  if (!p.ok) throw new Error(p.error);
  const { tags, prefix, command, params, trailing } = p.msg;
  t.broadcast('somechannel', [render({ tags, prefix, command, params, trailing }, command !== 'PRIVMSG')]);
  return `twitch:${tags['id']}`;
}

const TS = 'tmi-sent-ts=1735761600000';
const chat = (id: string, name: string, color: string, text: string, extra = ''): string =>
  `@badge-info=;badges=;color=${color};display-name=${name};emotes=;first-msg=0;id=${id};mod=0;room-id=1;subscriber=0;${TS};turbo=0;user-id=${id.length * 7};user-type=${extra} :${name.toLowerCase()}!${name.toLowerCase()}@${name.toLowerCase()}.tmi.twitch.tv PRIVMSG #somechannel :${text}`;

for (const layout of ['portrait', 'landscape'] as const) test(`${layout}: Twitch chat lines beside TikTok ones, each marked with its platform; a Twitch resub and a cheer get alerts`, async ({ page }) => {
  if (layout === 'landscape') await page.setViewportSize({ width: 1920, height: 1080 });
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  twitch = await startTwitchServer({ seed: 2, startMs: Date.UTC(2025, 0, 1, 20), port: 0, tcpPort: null, paused: true });
  const tw = new TwitchReceiver({ url: twitch.wsUrl, channels: ['somechannel'] });
  agg = aggregate([new TikfinityReceiver({ url: sim.wsUrl }), tw]);
  merged = await serveAggregate(agg, { port: 0 });
  await expect.poll(() => tw.status().joined.length, { timeout: 10_000 }).toBe(1);

  await openOverlay(page, sim, `${NO_TOASTY}${layout === 'landscape' ? '&layout=landscape' : ''}&aggregate=${encodeURIComponent(merged.url)}`);
  await expect.poll(async () => (await probe(page)).aggregate?.connected, { message: 'merged socket connected', timeout: 10_000 }).toBe(true);

  const tiktokIds: string[] = [];
  const listen = (f: { event: string; text: string }): void => {
    if (f.event === 'chat') tiktokIds.push((JSON.parse(f.text) as { data: { msgId: string } }).data.msgId);
  };
  sim.state.sentListeners.add(listen);
  const ids: string[] = [];
  // Alternating platforms, each waited for on screen so the order is the same every run.
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'hello from TikTok 👋' } });
  await expect.poll(() => tiktokIds.length).toBe(1);
  ids.push(`chat:${tiktokIds[0]}`);
  await untilCheckpoint(page, ids.at(-1)!);
  ids.push(`chat:${sendTwitch(twitch, chat('tw-1', 'Ronni', '#9146FF', 'and hello from Twitch! Kappa'))}`);
  await runUntil(page, (p) => p.checkpoints.includes(ids.at(-1)!), ids.at(-1)!);
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'which one is faster?' } });
  await expect.poll(() => tiktokIds.length).toBe(2);
  ids.push(`chat:${tiktokIds[1]}`);
  await untilCheckpoint(page, ids.at(-1)!);
  ids.push(`chat:${sendTwitch(twitch, chat('tw-2', 'PixelPanda', '#1E90FF', 'both, watching on two tabs'))}`);
  await runUntil(page, (p) => p.checkpoints.includes(ids.at(-1)!), ids.at(-1)!);
  sim.state.sentListeners.delete(listen);

  const resub = sendTwitch(
    twitch,
    `@badge-info=subscriber/14;badges=subscriber/12;color=#FF4500;display-name=Ronni;emotes=;id=tw-3;login=ronni;mod=0;msg-id=resub;msg-param-cumulative-months=14;msg-param-sub-plan=1000;room-id=1;subscriber=1;system-msg=Ronni\\ssubscribed\\sat\\sTier\\s1.\\sThey've\\ssubscribed\\sfor\\s14\\smonths!;${TS};user-id=21;user-type= :tmi.twitch.tv USERNOTICE #somechannel :still here`,
  );
  const cheer = sendTwitch(twitch, chat('tw-4', 'BitsBaron', '#2E8B57', 'cheer500 take my bits', '').replace('first-msg=0;', 'bits=500;first-msg=0;'));
  // A cheer's message shows in chat too, as on Twitch; the resub has only its card.
  ids.push(`chat:${cheer}`);
  const p = await untilCheckpoint(page, `gift:${cheer}:settled`, { idle: true, maxMs: 20_000 });
  for (const c of [...ids, `gift:${resub}:settled`]) expect(p.checkpoints, c).toContain(c);
  const cards = p.boxes.filter((b) => b.part === 'gifts').map((b) => b.id);
  expect(cards).toEqual([resub, cheer]);
  expect(p.aggregate).toMatchObject({ connected: true, bad: 0, twitch: 4 });
  expect(p.layoutBad, p.layoutProblems.join('\n')).toBe(0);
  const chatBoxes = p.boxes.filter((b) => b.part === 'chat');
  expect(chatBoxes.map((b) => b.id)).toEqual(ids.map((c) => c.slice('chat:'.length)));
  await expect(page).toHaveScreenshot(layout === 'portrait' ? 'twitch-tiktok-mixed.png' : 'landscape-twitch-tiktok-mixed.png');
});
