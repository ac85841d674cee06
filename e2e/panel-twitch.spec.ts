import { build } from 'vite';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { wsClient, type RawClient } from '../simulator/twitch/test-helpers.ts';
import { parseIrcLine } from '../protocol/twitch/index.ts';
import { expect, startTestSimulator, test } from './fixtures.ts';

// The panel's Twitch card (simulator/panel/src/tiksim-twitch.ts) in real Chromium against a real simulator with the
// fake Twitch: a sub clicked in the panel arrives on a raw Twitch WebSocket client as Twitch's USERNOTICE, typed chat
// as a PRIVMSG, and the scenario select starts a preset whose generated chat reaches the client.

let sim: RunningSimulator | undefined;
let client: RawClient | undefined;

test.beforeAll(async () => {
  // The panel is served from dist/panel: build it from the sources under test.
  await build({ configFile: new URL('../simulator/panel/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
});

test.afterEach(async () => {
  client?.close();
  client = undefined;
  await sim?.close();
  sim = undefined;
});

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`a sub fired from the Twitch card reaches a raw Twitch WebSocket client (${size.width}x${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    sim = await startTestSimulator({ paused: true, chatBacklog: false, twitch: { port: 0, tcpPort: null, rates: { chat: 0, cheer: 0, sub: 0, resub: 0, subgift: 0, submysterygift: 0, raid: 0, announcement: 0, clearchat: 0, clearmsg: 0, roomstate: 0 } } });
    const tw = sim.state.twitch!;
    client = await wsClient(tw.wsUrl);
    client.send('CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan4242\r\nJOIN #panelchan\r\n');
    await client.waitFor(/ 366 justinfan4242 #panelchan /);

    await page.goto(`${sim.url}/panel/`);
    const card = page.locator('tiksim-twitch');
    await expect(card).toContainText(tw.wsUrl);
    // The card polls every 2 s: it shows the client once the poll after the JOIN has run.
    await expect(card).toContainText('1 client in #panelchan', { timeout: 10_000 });
    await expect(card).toContainText('PING every 5\u00a0min');

    await card.getByRole('button', { name: 'Sub', exact: true }).click();
    await expect(card.getByRole('status')).toHaveText('✓ Sub sent');
    const line = await client.waitFor(/ USERNOTICE #panelchan/, 5000);
    const m = parseIrcLine(line);
    if (!m.ok) throw new Error(m.error);
    expect(m.msg.command).toBe('USERNOTICE');
    expect(m.msg.tags['msg-id']).toBe('sub');
    expect(m.msg.tags['room-id']).toBe(tw.status().channels.find((c) => c.name === 'panelchan')!.roomId);

    // Chat text typed in the card goes out as the PRIVMSG's text, byte for byte.
    await card.getByRole('textbox', { name: 'Twitch chat text' }).fill('Kappa from the panel');
    await card.getByRole('button', { name: 'Send', exact: true }).click();
    expect(await client.waitFor(/ PRIVMSG #panelchan :Kappa from the panel$/, 5000)).toMatch(/emotes=25:0-4;/);

    // The scenario select starts a preset on the fake Twitch; the card shows its phase.
    await card.getByRole('combobox', { name: 'Twitch scenario' }).selectOption('hype');
    await expect(card.getByRole('status')).toHaveText('✓ scenario hype');
    await expect(card).toContainText('phase: warm-up');
    expect(tw.status().scenario?.name).toBe('hype');
    await expect.poll(() => client!.lines.some((l) => / PRIVMSG #panelchan :(?!Kappa from the panel)/.test(l)), { timeout: 10_000 }).toBe(true);

    await card.scrollIntoViewIfNeeded();
    // Kept with the test's output (attached to the report) so a person can look at the card at both sizes.
    await page.screenshot({ path: test.info().outputPath(`panel-${size.width}x${size.height}.png`) });
    await card.screenshot({ path: test.info().outputPath(`card-${size.width}x${size.height}.png`) });
  });
}
