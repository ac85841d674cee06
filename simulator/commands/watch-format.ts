import type { Message } from '../../protocol/message.ts';

/**
 * How `tiksim watch` prints a message on a terminal: one line, the platform first so mixed chat reads at a glance.
 * `[twitch #chan] Ronni: Kappa Keepo` · `[tiktok] Lena 🌸 gift Rose ×5 (5 diamonds, $0.03)` · `[twitch #chan] Ronni resub
 * (Ronni subscribed at Tier 2.) "Great stream" ($9.99)`.
 */

/** Messages the text output leaves out: viewer counts (every 2 s) and gift streaks still running (their end is shown). */
export function isQuiet(m: Message): boolean {
  return m.kind === 'viewers' || m.pending === true;
}

const COLOR: Record<Message['platform'], string> = { twitch: '\x1b[35m', tiktok: '\x1b[36m' };

function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** One readable line (no newline). `color` adds ANSI colour to the platform mark. */
export function formatMessage(m: Message, color = false): string {
  const where = m.platform === 'twitch' && m.channel ? `${m.platform} ${m.channel}` : m.platform;
  const mark = color ? `${COLOR[m.platform]}[${where}]\x1b[0m` : `[${where}]`;
  const who = m.user?.displayName ?? '';
  const text = (m.text ?? '').replace(/[\x00-\x1f\x7f]/g, ' ');
  if (m.kind === 'chat') return `${mark} ${who}: ${text}`;
  const parts = [mark, who, m.kind].filter((p) => p !== '');
  if (m.kind === 'gift') parts.push(`${text}${m.amount ? ` (${m.amount.value} diamonds, ${money(m.amount.usdCents)})` : ''}`);
  else {
    if (m.system) parts.push(`(${m.system.replace(/[\x00-\x1f\x7f]/g, ' ')})`);
    if (text) parts.push(JSON.stringify(text));
    if (m.amount && m.amount.usdCents > 0) parts.push(`(${m.amount.value} ${m.amount.unit}${m.amount.value === 1 ? '' : 's'}, ${money(m.amount.usdCents)})`);
    else if (m.amount && m.amount.unit !== 'sub') parts.push(`(${m.amount.value} ${m.amount.unit}s)`);
  }
  return parts.join(' ');
}
