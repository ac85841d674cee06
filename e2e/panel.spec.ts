import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import WebSocket from 'ws';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { expect, startTestSimulator, test, type OverlayProbe } from './fixtures.ts';
import { OVERLAY_INDEX } from './global-setup.ts';

// The control panel (simulator/panel) clicked through in real Chromium against a real simulator: what it fires
// reaches WebSocket clients and the overlay, bad input shows the API's own error and sends nothing, and the rate and
// replay controls change what the simulator emits.

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** A plain WebSocket client, like an overlay, that keeps every frame it gets. */
function listen(url: string): Promise<{ frames: Frame[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Frame[] = [];
    ws.on('message', (raw) => {
      try {
        frames.push(JSON.parse(String(raw)) as Frame);
      } catch {
        frames.push({ event: '(malformed)', data: {} });
      }
    });
    ws.once('open', () => resolve({ frames, close: () => ws.close() }));
    ws.once('error', reject);
  });
}

const REPLAY_COMMENT = 'hello from the recording';

/** A small recording in the documented format: chats every 400 ms for a minute. */
function writeRecording(dir: string): void {
  const rec = join(dir, '2025-01-01-panel-test');
  mkdirSync(rec, { recursive: true });
  const startMs = Date.UTC(2025, 0, 1, 20);
  const lines = [
    JSON.stringify({ type: 'header', format: 'tiksim-recording', version: 1, source: 'ws://127.0.0.1:21213/', startedAt: new Date(startMs).toISOString(), startMs, tool: 'tiksim 0.1.0', name: 'panel-test' }),
  ];
  for (let t = 0; t <= 60_000; t += 400) {
    const data = { emotes: [], comment: REPLAY_COMMENT, uniqueId: 'recorded_viewer', nickname: 'Recorded', msgId: String(7500000000000000000 + t), createTime: String(startMs + t), tikfinityUserId: 1, tikfinityUsername: 'test' };
    lines.push(JSON.stringify({ t, frame: JSON.stringify({ event: 'chat', data }) }));
  }
  writeFileSync(join(rec, 'events.jsonl'), lines.join('\n') + '\n');
}

async function status(sim: RunningSimulator): Promise<{ mode: string; rates: Record<string, number>; sent: { byKind: Record<string, number> } }> {
  const r = await fetch(`${sim.url}/api/status`);
  return (await r.json()) as { mode: string; rates: Record<string, number>; sent: { byKind: Record<string, number> } };
}

async function api(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** The name of GET /api/status → scenario (null when none runs). */
function nameOfScenario(sc: unknown): string | null {
  return sc && typeof sc === 'object' && 'name' in sc ? String((sc as { name: unknown }).name) : null;
}

/** Opens the panel and waits until it shows the simulator as connected. */
async function openPanel(page: Page, sim: RunningSimulator): Promise<void> {
  await page.goto(`${sim.url}/panel/`);
  await expect(page.getByRole('status', { name: /Connection: Connected/ })).toBeVisible();
}

let recordingsDir = '';
let sim: RunningSimulator | undefined;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(async () => {
  // The panel is served from dist/panel: build it from the sources under test.
  await build({ configFile: new URL('../simulator/panel/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  recordingsDir = mkdtempSync(join(tmpdir(), 'tiksim-panel-'));
  writeRecording(recordingsDir);
});

test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

test.afterAll(() => {
  if (recordingsDir) rmSync(recordingsDir, { recursive: true, force: true });
});

test('a gift clicked in the panel reaches a WebSocket client and the overlay', async ({ page, context }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  const client = await listen(sim.wsUrl);
  // The overlay half is required: e2e/global-setup.ts builds dist/overlay when it is missing.
  expect(existsSync(OVERLAY_INDEX), `${OVERLAY_INDEX} is missing: the overlay is not built (run npm run build; e2e/global-setup.ts should have)`).toBe(true);
  const overlay = await context.newPage();
  await overlay.goto(`${sim.url}/overlay/?ws=${encodeURIComponent(sim.wsUrl)}`);
  await expect.poll(() => overlay.evaluate(() => (window as unknown as { __overlay?: OverlayProbe }).__overlay?.connected ?? false)).toBe(true);
  await openPanel(page, sim);

  // Sender: an existing viewer, found through GET /api/viewers.
  await page.getByRole('button', { name: 'Pick viewer' }).click();
  const first = page.getByRole('group', { name: 'Viewers' }).getByRole('button').first();
  await expect(first).toBeVisible();
  const who = (await first.innerText()).trim().replace(/^@/, '');
  await first.click();
  await expect(page.getByText(`Next events come from @${who}`)).toBeVisible();

  // Gift: search, pick the Lion tile, send one.
  await page.getByRole('searchbox', { name: 'Search gifts' }).fill('lion');
  await page.getByRole('button', { name: /^Lion, \d+ diamonds/ }).click();
  await expect(page.getByLabel('Gift', { exact: true })).toHaveValue('Lion');
  await page.getByLabel('Gift count').fill('1');
  await page.getByRole('button', { name: 'Send gift' }).click();
  await expect(page.getByText(`✓ Lion from @${who}`)).toBeVisible();

  await expect.poll(() => client.frames.find((f) => f.event === 'gift')?.data.giftName).toBe('Lion');
  const gift = client.frames.find((f) => f.event === 'gift')!;
  expect(gift.data.uniqueId).toBe(who);

  // The live log shows it too; expanded, it sends the same event again.
  const row = page.getByRole('list', { name: 'Live log' }).locator('li[data-kind="gift"]').first();
  await expect(row).toContainText('Lion');
  await row.getByRole('button').first().click();
  await expect(row.locator('pre')).toContainText('"giftName": "Lion"');
  await row.getByRole('button', { name: 'Send again' }).click();
  await expect.poll(() => client.frames.filter((f) => f.event === 'gift' && f.data.giftName === 'Lion').length).toBe(2);

  await expect
    .poll(() => overlay.evaluate(() => (window as unknown as { __overlay: OverlayProbe }).__overlay.counters.gifts ?? 0), { timeout: 15_000 })
    .toBeGreaterThan(0);
  client.close();
});

test('bad input shows the API error inline and sends nothing', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  const client = await listen(sim.wsUrl);
  await openPanel(page, sim);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/events')) posts.push(r.postData() ?? '');
  });

  // A streak of 0 Roses: the server refuses it, and the panel shows the server's own message.
  const expected = await api(sim, 'POST', '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 0 }, user: { random: true } });
  expect(expected.status).toBe(400);
  const message = (expected.json.error as { message: string }).message;
  await page.getByRole('button', { name: /^Rose, 1 diamonds/ }).click();
  await page.getByLabel('Streak length').fill('0');
  await page.getByRole('button', { name: 'Send gift' }).click();
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();

  // An unknown gift: the error offers the nearest names; clicking one fixes the field.
  await page.getByLabel('Gift', { exact: true }).fill('Lon');
  await page.getByLabel('Streak length').fill('1');
  await page.getByRole('button', { name: 'Send gift' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Lon' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Lion' }).click();
  await expect(page.getByLabel('Gift', { exact: true })).toHaveValue('Lion');

  // A billion like events: refused with the server's message.
  await page.getByLabel('Events', { exact: true }).fill('1000000000');
  await page.getByRole('button', { name: 'Like burst' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'count must be' })).toBeVisible();

  // Invalid JSON never leaves the page.
  const sentBefore = posts.length;
  await page.getByRole('textbox', { name: 'Event JSON' }).fill('{"event": "envelope", "data": {');
  await page.getByRole('button', { name: 'Send JSON' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeVisible();
  expect(posts.length).toBe(sentBefore);

  // Nothing reached the client, and the server counted no gift.
  await page.waitForTimeout(1000);
  expect(client.frames.filter((f) => f.event === 'gift')).toEqual([]);
  expect(client.frames.filter((f) => f.event === 'like')).toEqual([]);
  expect((await status(sim)).sent.byKind.gift ?? 0).toBe(0);
  client.close();
});

test('a rate slider changes what the simulator emits', async ({ page }) => {
  sim = await startTestSimulator({ chatBacklog: false, recordingsDir });
  const kinds = Object.keys((await status(sim)).rates);
  expect(kinds).toContain('chat');
  // Silence everything, then turn chat up from the panel.
  expect((await api(sim, 'PUT', '/api/rates', Object.fromEntries(kinds.map((k) => [k, 0])))).status).toBe(200);
  await openPanel(page, sim);
  await page.getByRole('slider', { name: 'chat rate (events per second)' }).fill('10');
  await expect.poll(async () => (await status(sim!)).rates.chat).toBe(10);

  const client = await listen(sim.wsUrl);
  await page.waitForTimeout(2000);
  const chats = client.frames.filter((f) => f.event === 'chat').length;
  const others = client.frames.filter((f) => f.event !== 'chat' && f.event !== 'roomUser').length;
  expect(chats).toBeGreaterThanOrEqual(8);
  expect(others).toBe(0);
  client.close();
});

test('replay controls load a recording, pause it and go back to generation', async ({ page }) => {
  sim = await startTestSimulator({ chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  await expect(page.getByRole('combobox', { name: 'Recording' })).toContainText('panel-test');
  const client = await listen(sim.wsUrl);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('mode')).toHaveText('replay');
  await expect.poll(() => client.frames.filter((f) => f.data.comment === REPLAY_COMMENT).length).toBeGreaterThan(2);

  // Pause: the recording stops flowing.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  const atPause = client.frames.length;
  await page.waitForTimeout(1200);
  expect(client.frames.length).toBe(atPause);

  // Back to generation.
  await page.getByRole('button', { name: 'Back to generation' }).click();
  await expect(page.getByTestId('mode')).not.toHaveText('replay');
  await expect.poll(async () => (await status(sim!)).mode).toBe('generate');
  client.close();
});

test('the panel shows a lost simulator and reconnects when it is back', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, recordingsDir });
  const port = sim.port;
  await openPanel(page, sim);
  await sim.close();
  sim = undefined;
  await expect(page.getByRole('status', { name: /Connection: Disconnected/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'not answering' })).toBeVisible();
  sim = await startTestSimulator({ paused: true, recordingsDir, port });
  await expect(page.getByRole('status', { name: /Connection: Connected/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'not answering' })).toHaveCount(0);
});

test('with --token, every API call carries it, and the JSON editor sends any event kind', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir, token: 's3cret' });
  const client = await listen(`${sim.wsUrl}?token=s3cret`);
  const apiUrls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiUrls.push(r.url());
  });
  await page.goto(`${sim.url}/panel/?token=s3cret`);
  await expect(page.getByRole('status', { name: /Connection: Connected/ })).toBeVisible();

  await page.getByRole('combobox', { name: 'Event', exact: true }).selectOption('envelope');
  await expect(page.getByRole('textbox', { name: 'Event JSON' })).toHaveValue(/"coins": 500/);
  await page.getByRole('button', { name: 'Send JSON' }).click();
  await expect.poll(() => client.frames.find((f) => f.event === 'envelope')?.data.coins).toBe(500);

  expect(apiUrls.length).toBeGreaterThan(3);
  expect(apiUrls.filter((u) => new URL(u).searchParams.get('token') !== 's3cret')).toEqual([]);
  client.close();
});

test('every gift preset and one-click button sends a body the API accepts', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  const client = await listen(sim.wsUrl);
  await openPanel(page, sim);
  const presets = page.getByRole('group', { name: 'Gift presets' }).getByRole('button');
  await expect(presets).toHaveCount(4);
  for (const button of await presets.all()) {
    const label = (await button.getAttribute('aria-label'))!.replace(/^Send /, '');
    await button.click();
    await expect(page.getByText(new RegExp(`^✓ ${label} from a random viewer — \\d+ frames? scheduled$`))).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  for (const name of ['Follow', 'Share', 'Subscribe', 'Join']) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByText(`✓ ${name.toLowerCase()} from a random viewer`)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  // The Universe button sends the catalog's "TikTok Universe" (it sent "Universe", which the API refuses).
  await expect.poll(() => client.frames.some((f) => f.event === 'gift' && f.data.giftName === 'TikTok Universe')).toBe(true);
  client.close();
});

test('"none" takes a running scenario back to rates only', async ({ page }) => {
  sim = await startTestSimulator({ chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  const scenario = page.getByRole('combobox', { name: 'Scenario' });
  await scenario.selectOption('busy');
  await expect.poll(async () => nameOfScenario((await api(sim!, 'GET', '/api/status')).json.scenario)).toBe('busy');
  // "none" was a disabled option: once a scenario ran there was no way back.
  await scenario.selectOption('', { timeout: 3000 });
  await expect.poll(async () => (await api(sim!, 'GET', '/api/status')).json.scenario).toBe(null);
  await expect(page.getByTestId('scenario')).toHaveText('none');
  const box = page.getByRole('spinbutton', { name: 'chat rate value' });
  await box.fill('3');
  await box.press('Enter');
  await expect.poll(async () => (await status(sim!)).rates.chat).toBe(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('while a scenario runs, the rates card says the scenario steers the rates and takes no input', async ({ page }) => {
  sim = await startTestSimulator({ chatBacklog: false, recordingsDir, scenario: 'busy' });
  await openPanel(page, sim);
  const note = page.getByRole('note', { name: 'Scenario steers the rates' });
  // A rate typed now answers 200 and is overwritten by the scenario at once: the card says so instead.
  await expect(note).toContainText('The scenario busy is steering the rates');
  await expect(note).toContainText('none (rates only)');
  for (const kind of ['chat', 'gift']) {
    await expect(page.getByRole('slider', { name: `${kind} rate (events per second)` })).toBeDisabled();
    await expect(page.getByRole('spinbutton', { name: `${kind} rate value` })).toBeDisabled();
  }
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('');
  await expect(note).toHaveCount(0);
  await expect(page.getByRole('spinbutton', { name: 'chat rate value' })).toBeEnabled();
});

test('a negative or unreadable rate is explained and never sent', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().includes('/api/rates')) puts.push(r.postData() ?? '');
  });
  const box = page.getByRole('spinbutton', { name: 'chat rate value' });
  const before = (await status(sim)).rates.chat;

  // Typed key by key, as a person does: the "-" must survive the status poll's re-render.
  await box.click();
  await box.press('Control+a');
  await box.pressSequentially('-1');
  await box.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'rate "chat" cannot be negative, got -1; 0 turns chat off' })).toBeVisible();
  await expect(box).toHaveValue('-1');

  await box.click();
  await box.press('Control+a');
  await box.pressSequentially('-');
  await box.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'rate "chat" must be a number of events per second' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'got null' })).toHaveCount(0);

  await page.waitForTimeout(500);
  expect(puts).toEqual([]);
  expect((await status(sim)).rates.chat).toBe(before);
});

test('an empty like box is named, not sent as null', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/events')) posts.push(r.postData() ?? '');
  });
  await page.getByLabel('Events', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Like burst' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'enter a number in "Events"' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'got null' })).toHaveCount(0);
  expect(posts).toEqual([]);
});

test('each rate slider shows the value its number box shows', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  const kinds = Object.keys((await status(sim)).rates);
  const read = async (): Promise<{ kind: string; slider: number; box: number }[]> =>
    Promise.all(
      kinds.map(async (k) => ({
        kind: k,
        slider: Number(await page.getByRole('slider', { name: `${k} rate (events per second)` }).inputValue()),
        box: Number(await page.getByRole('spinbutton', { name: `${k} rate value` }).inputValue()),
      })),
    );
  // The default gift rate is 0.25: a slider stepping by 0.1 showed it at 0.3.
  for (const r of await read()) expect(r.slider, r.kind).toBe(r.box);
  expect((await read()).find((r) => r.kind === 'gift')?.slider).toBe(0.25);

  const box = page.getByRole('spinbutton', { name: 'like rate value' });
  await box.fill('2.75');
  await box.press('Enter');
  await expect.poll(async () => (await status(sim!)).rates.like).toBe(2.75);
  await expect(page.getByRole('slider', { name: 'like rate (events per second)' })).toHaveValue('2.75');
});

test('the replay card says whether generation is paused or generating', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  // It said "Generating live events" while nothing was generated.
  await expect(page.getByText('Generating live events')).toHaveCount(0);
  const idle = page.getByTestId('replay-idle');
  await expect(idle).toContainText('Generation is paused');
  await expect(idle).not.toContainText('Generating live events');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(idle).toContainText('Generating live events');
  await expect(idle).not.toContainText('paused');
});

test('the JSON editor shows the API’s own error for an unknown event, with its choices', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  const expected = await api(sim, 'POST', '/api/events', { event: 'gifts', user: { random: true } });
  expect(expected.status).toBe(400);
  const err = expected.json.error as { code: string; message: string; choices: string[] };
  expect(err.code).toBe('E_UNKNOWN_EVENT');

  await page.getByRole('textbox', { name: 'Event JSON' }).fill('{"event":"gifts"}');
  await page.getByRole('button', { name: 'Send JSON' }).click();
  const alert = page.getByRole('alert').filter({ hasText: err.message });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(err.code);
  await expect(alert.getByRole('button', { name: 'gift', exact: true })).toBeVisible();
  await alert.getByRole('button', { name: 'gift', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Event JSON' })).toHaveValue(/"event": "gift"/);
});

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`at ${size.width}x${size.height} the close codes and the header read in full and the page does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    // A nine-digit seed, as `tiksim serve` picks when none is given: the widest value the header shows.
    sim = await startTestSimulator({ seed: 987654321, paused: true, chatBacklog: false, recordingsDir });
    await openPanel(page, sim);
    const close = page.getByRole('combobox', { name: 'Close code' });
    await close.scrollIntoViewIfNeeded();
    // Each option's label, in the select's own font, must fit inside it beside the arrow.
    const fits = await close.evaluate((el) => {
      const select = el as HTMLSelectElement;
      const cs = getComputedStyle(select);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = select.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 18;
      return [...select.options].map((o) => ({ label: o.text, width: Math.ceil(ctx.measureText(o.text).width), room }));
    });
    for (const f of fits) expect(f.width, `"${f.label}"`).toBeLessThanOrEqual(f.room);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    // The header's chips show their whole value (the mode, a nine-digit seed), none cut at its edge.
    await expect(page.getByTestId('seed')).toHaveText('987654321');
    const chips = await page.locator('tiksim-status-bar .stat').evaluateAll((els) => els.map((el) => {
      const b = el.querySelector('b')!;
      const box = el.getBoundingClientRect();
      const text = b.getBoundingClientRect();
      return { label: el.querySelector('span')!.textContent, value: b.textContent, inside: text.left >= box.left - 0.5 && text.right <= box.right + 0.5 && b.scrollWidth <= Math.ceil(text.width) + 1 };
    }));
    for (const c of chips) expect(c.inside, `${c.label} chip shows "${c.value}" in full`).toBe(true);
    await page.locator('tiksim-status-bar').screenshot({ path: test.info().outputPath(`header-${size.width}x${size.height}.png`) });
  });
}
