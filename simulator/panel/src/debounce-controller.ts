import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Runs the last scheduled call after `waitMs` of quiet (e.g. search while typing); cancelled when the host leaves. */
export class DebounceController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly waitMs: number,
  ) {
    host.addController(this);
  }

  /** Schedules `fn`, replacing any call still waiting. */
  run(fn: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      fn();
    }, this.waitMs);
  }

  /** Nothing to start: calls are scheduled on demand. */
  hostConnected(): void {}

  /** Drops a pending call. */
  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
