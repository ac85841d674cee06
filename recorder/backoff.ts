/** The recorders' reconnect backoff: the one formula, in protocol/backoff.ts (the overlay's socket uses it too). */
export { backoffDelay, type Backoff } from '../protocol/backoff.ts';
