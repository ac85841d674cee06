import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { findGift } from '../../protocol/index.ts';
import { hash32, rng } from './color.ts';
import { FALLBACK_ICON, GIFT_ICONS } from './gift-icons.ts';
import { decodePng } from './png.ts';
import { Raster } from './raster.ts';

/** Side of a generated gift icon, px. */
export const GIFT_SIZE = 128;

/** Size tier by diamond value: 0 (1-9) .. 4 (10,000+). */
export function giftTier(diamonds: number): number {
  return diamonds >= 10000 ? 4 : diamonds >= 1000 ? 3 : diamonds >= 100 ? 2 : diamonds >= 10 ? 1 : 0;
}

const require = createRequire(import.meta.url);
// resvg (Rust, as WebAssembly): the same pixels on every machine, no native binary to install.
await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));

interface IconSet {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number; left?: number; top?: number }>;
  aliases?: Record<string, { parent: string }>;
}
let iconSet: IconSet | null = null;

/** The icon set (8 MB of JSON), read on the first gift drawn. */
function icons(): IconSet {
  iconSet ??= JSON.parse(readFileSync(require.resolve('@iconify-json/fluent-emoji-flat/icons.json'), 'utf8')) as IconSet;
  return iconSet;
}

/** The Fluent Emoji Flat pictures (main, companion?) for a gift name (see gift-icons.ts). */
export function giftIcons(name: string): readonly [string, string?] {
  return GIFT_ICONS[name.trim()] ?? FALLBACK_ICON;
}

/** TikTok's own gift: the note drawn as TikTok's logo is, white over a cyan and a pink copy of itself. */
const TIKTOK_NOTE = 'tiktok-note';

/** One icon as a nested <svg> at (x, y), `size` px square; its ids get `prefix` so two icons never share a gradient. */
function iconSvg(name: string, x: number, y: number, size: number, prefix: string): string {
  if (name === TIKTOK_NOTE) {
    const d = size * 0.035;
    const note = (dx: number, fill: string): string => iconSvg('musical-note', x + dx, y + dx, size, prefix).replace(/fill="#402a32"/g, `fill="${fill}"`);
    return note(-d, '#25f4ee') + note(d, '#fe2c55') + note(0, '#ffffff');
  }
  const set = icons();
  const icon = set.icons[name] ?? set.icons[set.aliases?.[name]?.parent ?? ''];
  if (!icon) throw new Error(`no icon "${name}" in fluent-emoji-flat`);
  const vb = `${icon.left ?? 0} ${icon.top ?? 0} ${icon.width ?? set.width ?? 16} ${icon.height ?? set.height ?? 16}`;
  const body = icon.body
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
  return `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="${vb}">${body}</svg>`;
}

/**
 * Glow colour and strength by tier: a faint white one keeps dark pictures (a note, a top hat) readable on a dark card;
 * the overlay's card edges use the same purple and golds.
 */
const GLOW: readonly (readonly [string, number])[] = [['#ffffff', 0.22], ['#ffffff', 0.3], ['#a25cff', 0.5], ['#ffc531', 0.6], ['#ffe066', 0.7]];

/** A four-pointed sparkle at (x, y), `s` px from centre to tip. */
function sparkle(x: number, y: number, s: number): string {
  const k = s * 0.28;
  const p = (dx: number, dy: number): string => `${(x + dx).toFixed(2)} ${(y + dy).toFixed(2)}`;
  return `<path fill="#ffffff" fill-opacity="0.95" d="M${p(0, -s)} L${p(k, -k)} L${p(s, 0)} L${p(k, k)} L${p(0, s)} L${p(-k, k)} L${p(-s, 0)} L${p(-k, -k)} Z"/>`;
}

/**
 * The SVG of a gift's picture: the emoji its name calls for (a lion for Lion, a rose for Rose, a planet for TikTok
 * Universe...), bigger and with a glow, a ring and sparkles as the gift gets more valuable; sparkles sit where a hash
 * of the id puts them.
 */
export function giftSvg(id: number, diamonds: number, name: string): string {
  const S = GIFT_SIZE, c = S / 2;
  const tier = giftTier(diamonds);
  const [main, companion] = giftIcons(name);
  const size = 84 + tier * 5;
  const parts: string[] = [];
  const defs: string[] = ['<filter id="shadow" x="-20%" y="-20%" width="140%" height="140%"><feDropShadow dx="0" dy="3" stdDeviation="2.5" flood-color="#000000" flood-opacity="0.35"/></filter>'];
  const [glow, glowAlpha] = GLOW[tier]!;
  defs.push(`<radialGradient id="glow"><stop offset="0.35" stop-color="${glow}" stop-opacity="${glowAlpha}"/><stop offset="1" stop-color="${glow}" stop-opacity="0"/></radialGradient>`);
  parts.push(`<circle cx="${c}" cy="${c}" r="${c}" fill="url(#glow)"/>`);
  if (tier >= 4) parts.push(`<circle cx="${c}" cy="${c}" r="${c - 6}" fill="none" stroke="#fff3b0" stroke-opacity="0.8" stroke-width="3"/>`);
  // With a companion the main picture moves up-left and the companion sits at its lower right, half its size.
  const mx = companion ? c - size / 2 - 8 : c - size / 2;
  const my = companion ? c - size / 2 - 8 : c - size / 2;
  let icon = iconSvg(main, mx, my, size, 'm');
  if (companion) {
    const cs = Math.round(size * 0.52);
    icon += iconSvg(companion, S - cs - 4, S - cs - 4, cs, 'c');
  }
  parts.push(`<g filter="url(#shadow)">${icon}</g>`);
  if (tier >= 3) {
    const rand = rng(hash32(`gift:${id}`));
    for (let k = 0; k < 1 + tier; k++) {
      const a = rand() * Math.PI * 2, d = c - 10 - rand() * 6, s = 4 + rand() * 4;
      parts.push(sparkle(c + Math.cos(a) * d, c + Math.sin(a) * d, s));
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}"><defs>${defs.join('')}</defs>${parts.join('')}</svg>`;
}

/** A gift's picture as PNG bytes (GIFT_SIZE square, transparent background). */
export function renderGiftPng(id: number, diamonds: number, name = findGift(id)?.name ?? ''): Buffer {
  const img = new Resvg(giftSvg(id, diamonds, name), { fitTo: { mode: 'original' }, shapeRendering: 2 }).render();
  const png = Buffer.from(img.asPng());
  img.free();
  return png;
}

/** A gift's picture as pixels, on a transparent background (see giftSvg). */
export function renderGift(id: number, diamonds: number, name = findGift(id)?.name ?? ''): Raster {
  const png = decodePng(renderGiftPng(id, diamonds, name));
  const r = new Raster(png.width, png.height);
  r.data.set(png.data);
  return r;
}
