import type { ErrorCode } from '../../protocol/index.ts';

/** A listen failure with a message a person can act on (port in use, no permission...). */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
  }
}
