import { LitElement, css, html } from 'lit';
import { api } from './api.ts';
import { nameOf, type ApiError, type ScenarioPreset, type SimStatus } from './api-types.ts';
import { emit } from './events.ts';
import { baseStyles } from './styles.ts';
import './tiksim-error-note.ts';

interface ScenarioState {
  name?: string;
  description?: string;
  phase?: string;
  phaseIndex?: number;
  phases?: number;
  elapsedS?: number;
}

/** "phase warm-up (1/3) · 12 s in" for a running scenario, from GET /api/status → scenario. */
function phaseLine(sc: unknown) {
  if (!sc || typeof sc !== 'object') return '';
  const x = sc as ScenarioState;
  const bits: string[] = [];
  if (x.phase) bits.push(`phase ${x.phase}${x.phaseIndex !== undefined && x.phases ? ` (${x.phaseIndex + 1}/${x.phases})` : ''}`);
  if (x.elapsedS !== undefined) bits.push(`${Math.floor(x.elapsedS)} s in`);
  return html`<p class="muted phase" title=${x.description ?? ''}>${x.description ?? ''}${bits.length ? html`<br /><span class="mono">${bits.join(' · ')}</span>` : ''}</p>`;
}

/** Scenario picker (GET /api/scenarios, PUT /api/scenario), pause/resume and seed (PUT /api/generation). */
export class TiksimGeneration extends LitElement {
  static override properties = {
    status: { attribute: false },
    scenarios: { state: true },
    seedDraft: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .grid { display: grid; grid-template-columns: auto 1fr auto; gap: 8px; align-items: center; }
      select, input { width: 100%; }
      .paused { color: var(--warn); }
      p { margin: 8px 0 0; font-size: 12px; }
    `,
  ];

  declare status: SimStatus | null;
  declare scenarios: ScenarioPreset[];
  declare seedDraft: string | null;
  declare error: ApiError | null;

  constructor() {
    super();
    this.status = null;
    this.scenarios = [];
    this.seedDraft = null;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the scenario presets. */
  async load(): Promise<void> {
    const r = await api.get<{ scenarios: ScenarioPreset[] }>('/api/scenarios');
    if (r.ok) this.scenarios = r.value.scenarios;
  }

  private async call(p: Promise<{ ok: boolean; error?: ApiError }>, what: string): Promise<boolean> {
    this.error = null;
    const r = await p;
    if (!r.ok) {
      this.error = r.error ?? null;
      return false;
    }
    emit(this, 'tiksim-changed', { what });
    return true;
  }

  /** A preset by name, or '' for none: PUT /api/scenario `null` stops the scenario and the rates apply alone. */
  private async setScenario(name: string): Promise<void> {
    await this.call(api.put('/api/scenario', name === '' ? null : { name }), 'scenario');
  }

  private async setSeed(): Promise<void> {
    const raw = (this.seedDraft ?? '').trim();
    const seed = raw === '' ? Number.NaN : Number(raw);
    if (await this.call(api.put('/api/generation', { seed: Number.isFinite(seed) ? seed : raw }), 'seed')) this.seedDraft = null;
  }

  override render() {
    const s = this.status;
    const current = nameOf(s?.scenario);
    const paused = s?.paused ?? false;
    const replaying = s?.mode === 'replay';
    return html`
      <div class="grid">
        <label for="scenario">Scenario</label>
        <select
          id="scenario"
          ?disabled=${replaying}
          @change=${(e: Event) => void this.setScenario((e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${current === ''}>none (rates only)</option>
          ${current && !this.scenarios.some((x) => nameOf(x) === current) ? html`<option selected value=${current}>${current}</option>` : ''}
          ${this.scenarios.map((x) => {
            const name = nameOf(x);
            const desc = typeof x === 'object' ? x.description : undefined;
            return html`<option value=${name} ?selected=${name === current} title=${desc ?? ''}>${name}</option>`;
          })}
        </select>
        <button
          type="button"
          class=${paused ? 'primary' : ''}
          ?disabled=${replaying}
          @click=${() => void this.call(api.put('/api/generation', { paused: !paused }), 'pause')}
        >
          ${paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
        <label for="seed">Seed</label>
        <input
          id="seed"
          class="mono"
          type="text"
          inputmode="numeric"
          .value=${this.seedDraft ?? String(s?.seed ?? '')}
          @input=${(e: Event) => (this.seedDraft = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') void this.setSeed();
          }}
        />
        <button type="button" @click=${() => void this.setSeed()}>Set seed</button>
      </div>
      ${phaseLine(s?.scenario)}
      ${paused && !replaying ? html`<p class="paused">Generation is paused: only events you fire go out.</p>` : ''}
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
    `;
  }
}
customElements.define('tiksim-generation', TiksimGeneration);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-generation': TiksimGeneration;
  }
}
