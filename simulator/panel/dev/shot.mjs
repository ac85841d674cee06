// Development helper: screenshots the panel (node simulator/panel/dev/shot.mjs <url> <out.png> [w] [h] [error|face|replay|down]).
import { chromium } from '@playwright/test';
const [url, out, w = '1440', h = '1000', action = ''] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
p.on('console', (m) => console.log('console:', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror:', e.message));
if (action === 'down') await p.route('**/api/**', (r) => r.abort());
await p.goto(url);
await p.waitForTimeout(2500);
if (action === 'error') { await p.getByLabel('Streak length').fill('0'); await p.getByRole('button', { name: 'Send gift' }).click(); await p.getByRole('textbox', { name: 'Event JSON' }).fill('{"event":"gift","data":{"giftName":"Lon"}}'); await p.getByRole('button', { name: 'Send JSON' }).click(); await p.waitForTimeout(500); }
if (action === 'face') { await p.getByRole('button', { name: 'Real face' }).click(); await p.waitForTimeout(500); await p.getByRole('group', { name: 'Viewers' }).getByRole('button').first().click(); await p.getByRole('button', {name: 'Send Lion'}).click(); await p.getByRole('button', { name: /Send chat/ }).scrollIntoViewIfNeeded(); await p.getByLabel('Chat message').fill('hi there'); await p.getByRole('button', { name: 'Add emote 2' }).click(); await p.waitForTimeout(1000); await p.getByRole('list', { name: 'Live log' }).locator('li[data-kind=gift] button').first().click(); await p.waitForTimeout(300); }
if (action === 'replay') { await p.getByRole('button', { name: 'Load' }).click(); await p.waitForTimeout(1500); await p.getByRole('button', {name: 'Send Lion'}).click(); await p.waitForTimeout(800); }
await p.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await b.close();
