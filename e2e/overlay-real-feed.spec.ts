import { readFileSync } from 'node:fs';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { allFramesIn, expect, openOverlay, probe, runUntil, startTestSimulator, step, test } from './fixtures.ts';

// Frames exactly as the real TikFinity sends them (protocol/fixtures/tikfinity-samples.json): their pictures are on
// TikTok's CDN, which sends no CORS headers, so the overlay must load them through tiksim's image proxy to read their
// pixels. The page itself may not leave the machine (the offline guard fails the test), and neither may the
// simulator: its proxy gets a stand-in for TikTok's CDN (by hostname) that answers with a real face photo for the
// avatar and the simulator's own gift picture. Everything else (overlay, proxy route, allowlist, MediaPipe) is real.

interface Sample { event: string; data: Record<string, unknown> }
const samples = JSON.parse(readFileSync(new URL('../protocol/fixtures/tikfinity-samples.json', import.meta.url), 'utf8')) as Sample[];
// The 100-diamond Rainbow Ministar: at the default Toasty threshold (100), so its sender's face slides in.
const gift = samples.filter((s) => s.event === 'gift').find((s) => s.data.diamondCount === 100)!;
const avatarUrl = String(gift.data.profilePictureUrl);
const giftUrl = String(gift.data.giftPictureUrl);
const senderId = String(gift.data.userId);
const photo = readFileSync(new URL('../simulator/assets/faces/astronaut-256.png', import.meta.url));

let sim: RunningSimulator | undefined;
const cdnAsked: string[] = [];
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
  cdnAsked.length = 0;
});

/** TikTok's CDN, as the proxy sees it: the real URLs of the sample frame, answered from this machine. */
const fakeCdn: typeof fetch = async (input) => {
  const url = String(input instanceof Request ? input.url : input);
  cdnAsked.push(url);
  if (url === avatarUrl) return new Response(photo, { headers: { 'content-type': 'image/png' } });
  if (url === giftUrl && sim) return fetch(`${sim.url}/media/gift/${String(gift.data.giftId)}.png`);
  return new Response('not found', { status: 404 });
};

test('a real TikFinity gift frame: avatar and gift picture come through the image proxy, and Toasty cuts the face from it', async ({ page }) => {
  test.setTimeout(90_000);
  sim = await startTestSimulator({ paused: true, chatBacklog: false, imageProxy: { fetchImpl: fakeCdn } });
  const proxied: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/proxy/image?url=')) proxied.push(decodeURIComponent(r.url().split('url=')[1]!));
  });
  await openOverlay(page, sim, process.env.E2E_NO_PROXY ? '&proxy=0' : '');
  sim.state.broadcast({ event: 'gift', text: JSON.stringify(gift) });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.checkpoints.includes(`toasty:${senderId}:in`), `toasty:${senderId}:in`, 100, 20_000);
  expect(p.toasties, 'the Toasties played and their faces').toEqual([{ userId: senderId, face: 'avatar' }]);
  await step(page, 250);
  // The page asked the proxy (never TikTok) for both pictures, and the proxy asked the CDN for exactly those.
  expect(proxied).toEqual(expect.arrayContaining([avatarUrl, giftUrl]));
  expect(cdnAsked).toEqual(expect.arrayContaining([avatarUrl, giftUrl]));
  expect((await probe(page)).bad).toBe(0);
  // The same photo as toasty-face.png's, reached through the proxy: the face is cut (pixels were readable).
  await expect(page).toHaveScreenshot('toasty-face-via-proxy.png', { clip: { x: 710, y: 1226, width: 370, height: 524 } });
});

test('a big gift whose avatar cannot be loaded still gets its Toasty, with the placeholder face', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, imageProxy: { fetchImpl: fakeCdn } });
  await openOverlay(page, sim);
  const gone = { ...gift, data: { ...gift.data, profilePictureUrl: `${sim.url}/media/avatar/gone.png` } };
  sim.state.broadcast({ event: 'gift', text: JSON.stringify(gone) });
  await allFramesIn(page, sim);
  // Its own Toasty (the sender's), with the placeholder face: the avatar never loaded, so there was nothing to cut.
  const p = await runUntil(page, (q) => q.checkpoints.includes(`toasty:${senderId}:in`), `toasty:${senderId}:in`, 100, 20_000);
  expect(p.toasties, 'the Toasties played and their faces').toEqual([{ userId: senderId, face: 'placeholder' }]);
  expect(p.bad).toBe(0);
});
