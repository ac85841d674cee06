import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { generateSecret, secretProblem, sign, signedHeaders } from './sign.ts';

describe('Standard Webhooks signing', () => {
  it("matches the specification's published example signature", () => {
    // The example in standard-webhooks' spec.md (and the library's tests).
    const got = sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(got).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is verified by the standardwebhooks package, and a changed byte is refused', () => {
    const secret = generateSecret();
    const body = '{"event":{"type":"chat","data":{"message":"hi ü"}}}';
    const ts = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([secret], 'evt-1', ts, body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('hi', 'ho'), { ...headers })).toThrow();
  });

  it('sends one signature per secret during rotation, and either secret verifies', () => {
    const a = generateSecret();
    const b = generateSecret();
    const h = signedHeaders([a, b], 'evt-2', Math.floor(Date.now() / 1000), '{}');
    expect(h['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(b).verify('{}', { ...h })).not.toThrow();
  });

  it('generates whsec_ secrets of 32 bytes and explains a bad one', () => {
    const s = generateSecret();
    expect(secretProblem(s)).toBeNull();
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(secretProblem('hunter2')).toMatch(/starts with "whsec_"/);
    expect(secretProblem('whsec_c2hvcnQ=')).toMatch(/decodes to 5 bytes/);
    expect(secretProblem('whsec_not base64!')).toMatch(/must be base64/);
  });
});
