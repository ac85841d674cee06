import { z } from 'zod';
import { BURST_KINDS } from '../events/index.ts';
import type { RouteTable } from './route-kit.ts';
import { fail, ok } from './route-kit.ts';
import { validate } from './validate.ts';
import { DEFAULT_MALFORMED, fireBurst, sendMalformed } from '../server/faults.ts';

// RFC 6455: 1000 is a normal close, 1001-1014 are protocol codes a server may send, 3000-4999 are for applications.
const closeCode = z
  .number()
  .int()
  .refine((c) => c === 1000 || c === 1001 || (c >= 1008 && c <= 1014 && c !== 1010) || (c >= 3000 && c <= 4999), {
    message: 'close code must be 1000, 1001, 1008-1014 (not 1010) or 3000-4999',
  });

const disconnectBody = z.object({ code: closeCode.optional(), reason: z.string().max(123).optional() }).strict();
const stallBody = z.object({ seconds: z.number().positive().max(600) }).strict();
const malformedBody = z.object({ text: z.string().max(1 << 20).optional() }).strict();
const burstBody = z
  .object({
    event: z.enum(BURST_KINDS as [string, ...string[]]).optional(),
    count: z.number().int().min(1).max(10_000),
  })
  .strict();

/** Fault injection, as twitch-cli does it: disconnect, close with a code, stall, malformed frame, burst. */
export const faultRoutes: RouteTable = {
  'POST /api/faults/disconnect': ({ state, body }) => {
    const v = validate(disconnectBody, body);
    if (!v.ok) return fail(v.error);
    // No code: drop the TCP connection as a crash would; with a code: a proper close frame.
    const n = v.value.code === undefined ? state.hub.terminateAll() : state.hub.closeAll(v.value.code, v.value.reason ?? '');
    return ok({ disconnected: n, code: v.value.code ?? null });
  },

  'POST /api/faults/stall': ({ state, body }) => {
    const v = validate(stallBody, body);
    if (!v.ok) return fail(v.error);
    state.pump.stall(v.value.seconds * 1000);
    return ok({ stalledMs: v.value.seconds * 1000 });
  },

  'POST /api/faults/malformed': ({ state, body }) => {
    const v = validate(malformedBody, body);
    if (!v.ok) return fail(v.error);
    const text = v.value.text ?? DEFAULT_MALFORMED;
    sendMalformed(state, text);
    return ok({ sent: text.length });
  },

  'POST /api/faults/burst': ({ state, body }) => {
    const v = validate(burstBody, body);
    if (!v.ok) return fail(v.error);
    const event = v.value.event ?? 'chat';
    const r = fireBurst(state, event, v.value.count);
    if (!r.ok) return fail(r.error);
    const scheduled = r.value;
    return ok({ event, scheduled }, 202);
  },
};
