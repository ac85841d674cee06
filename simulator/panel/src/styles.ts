import { css } from 'lit';

/** Design tokens and base controls shared by every panel element (dark, stream-deck flavoured, system fonts only). */
export const baseStyles = css`
  :host {
    --bg: #0d0f14;
    --card: #151821;
    --card-2: #1b1f2b;
    --line: #272c3b;
    --text: #e7e9f0;
    --muted: #8c93a8;
    --pink: #fe2c55;
    --cyan: #25f4ee;
    --ok: #3ddc97;
    --warn: #ffb547;
    --bad: #ff5d6c;
    --radius: 10px;
    color: var(--text);
    font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    box-sizing: border-box;
  }
  *, *::before, *::after { box-sizing: inherit; }
  h2 {
    margin: 0 0 10px;
    font-size: 11px;
    font-weight: 700;
    letter-spacing: 0.12em;
    text-transform: uppercase;
    color: var(--muted);
  }
  h3 { margin: 0 0 6px; font-size: 12px; font-weight: 600; color: var(--text); }
  label { color: var(--muted); font-size: 12px; }
  input, select, textarea, button { font: inherit; color: inherit; }
  input[type='text'], input[type='number'], input[type='search'], select, textarea {
    background: var(--bg);
    border: 1px solid var(--line);
    border-radius: 7px;
    padding: 6px 8px;
    min-width: 0;
    outline: none;
  }
  input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible {
    outline: 2px solid var(--cyan);
    outline-offset: 1px;
  }
  input[aria-invalid='true'], textarea[aria-invalid='true'] { border-color: var(--bad); }
  button {
    background: var(--card-2);
    border: 1px solid var(--line);
    border-radius: 7px;
    padding: 6px 11px;
    cursor: pointer;
    white-space: nowrap;
    transition: background 0.12s, border-color 0.12s, transform 0.06s;
  }
  button:hover { background: #242a3a; border-color: #3a4156; }
  button:active { transform: translateY(1px); }
  button:disabled { opacity: 0.5; cursor: default; }
  button.primary {
    background: linear-gradient(135deg, var(--pink), #ff5c7f);
    border-color: transparent;
    color: white;
    font-weight: 600;
  }
  button.primary:hover { filter: brightness(1.08); }
  button.danger { border-color: #5a2430; color: #ffb3bb; }
  button.danger:hover { background: #3a1720; }
  .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .grow { flex: 1; }
  .muted { color: var(--muted); }
  .mono { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** A card section: the boxes of the Fire, Steer, Faults and Live log columns. */
export const cardStyles = css`
  :host {
    display: block;
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: var(--radius);
    padding: 14px;
  }
`;
