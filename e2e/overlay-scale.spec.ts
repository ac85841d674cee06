import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { NO_TOASTY, allFramesIn, expect, openOverlay, post, runUntil, startTestSimulator, test } from './fixtures.ts';

// OBS browser sources come in any size: the canvas is scaled to fit the window, centred, at the game's own resolution,
// so the whole overlay shows at any size (no crop). Checked from the canvas's box in the page, then by a screenshot.

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function canvasFit(page: Page): Promise<{ x: number; y: number; w: number; h: number; resW: number; resH: number }> {
  return page.evaluate(() => {
    const c = document.querySelector('canvas')!;
    const r = c.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, resW: c.width, resH: c.height };
  });
}

/** A quiet scene with a gift, a chat line and a follow, settled. */
async function quietScene(page: Page, s: RunningSimulator): Promise<void> {
  await post(s, '/api/events', { event: 'chat', data: { comment: 'hello at another window size' } });
  await post(s, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 3 } });
  await post(s, '/api/events', { event: 'follow' });
  await allFramesIn(page, s);
  await runUntil(page, (q) => q.checkpoints.some((c) => /^gift:.*:settled$/.test(c)) && q.checkpoints.some((c) => c.startsWith('follow:')), 'gift settled + follow');
}

const cases = [
  // A portrait source at half size: the canvas fills it exactly.
  { name: 'portrait-540x960', layout: '', viewport: { width: 540, height: 960 }, expect: { x: 0, y: 0, w: 540, h: 960 }, res: [1080, 1920] },
  // A square source: the portrait canvas is scaled to the height and centred, with room either side.
  { name: 'portrait-800x800', layout: '', viewport: { width: 800, height: 800 }, expect: { x: 175, y: 0, w: 450, h: 800 }, res: [1080, 1920] },
  // A 720p landscape source: the landscape canvas fills it.
  { name: 'landscape-1280x720', layout: '&layout=landscape', viewport: { width: 1280, height: 720 }, expect: { x: 0, y: 0, w: 1280, h: 720 }, res: [1920, 1080] },
] as const;

for (const c of cases) {
  test(`${c.name}: the whole overlay fits the window, centred, at the game's resolution`, async ({ page }) => {
    await page.setViewportSize(c.viewport);
    sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
    await openOverlay(page, sim, NO_TOASTY + c.layout);
    await quietScene(page, sim);
    const fit = await canvasFit(page);
    expect([fit.resW, fit.resH], 'canvas resolution (the game size)').toEqual([...c.res]);
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(fit[k], `canvas ${k}`).toBeCloseTo(c.expect[k], 0);
    const overflow = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(overflow, 'nothing outside the window').toEqual({ w: c.viewport.width, h: c.viewport.height });
    await expect(page).toHaveScreenshot(`${c.name}.png`);
  });
}

test('the overlay page names its icon, and the icon loads', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  const missing: string[] = [];
  page.on('response', (r) => r.status() === 404 && missing.push(r.url()));
  await openOverlay(page, sim, NO_TOASTY);
  const href = await page.evaluate(() => (document.querySelector('link[rel="icon"]') as HTMLLinkElement | null)?.href ?? '');
  expect(href).toBe(`${sim.url}/overlay/favicon.ico`);
  const r = await page.request.get(href);
  expect(r.status()).toBe(200);
  expect((await r.body()).readUInt16LE(2), 'an .ico file').toBe(1);
  expect(missing, 'requests answered 404').toEqual([]);
});

// The server's own /favicon.ico (what browsers ask for on pages without an icon link, the panel's included) is
// simulator/server/favicon.ts; this turns on once the server's route table calls it.
test('the server answers /favicon.ico', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  const r = await page.request.get(`${sim.url}/favicon.ico`);
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('image/x-icon');
});
