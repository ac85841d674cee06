import { describe, expect, it } from 'vitest';
import { checkFireBody } from './validate-body.ts';
import { EXAMPLES } from './examples.ts';

describe('checkFireBody', () => {
  it('accepts every prefilled example', () => {
    for (const body of Object.values(EXAMPLES)) expect(checkFireBody(JSON.stringify(body)).ok).toBe(true);
  });

  it('refuses invalid JSON with the parser message, before anything is sent', () => {
    const r = checkFireBody('{"event": "chat", "data": {');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^not valid JSON: /);
  });

  it('refuses an unknown event name, naming what it got', () => {
    const r = checkFireBody('{"event":"gifts"}');
    expect(r).toEqual({ ok: false, error: { code: 'E_BAD_FIELD', field: 'event', message: `"event" must be one of TikFinity's event names, got "gifts"` } });
  });

  it('refuses a non-object data and a non-number count', () => {
    expect(checkFireBody('{"event":"chat","data":[]}').ok).toBe(false);
    expect(checkFireBody('{"event":"like","count":"3"}').ok).toBe(false);
  });

  it('leaves range checks (count 0) to the server', () => {
    expect(checkFireBody('{"event":"like","count":0}').ok).toBe(true);
  });
});
