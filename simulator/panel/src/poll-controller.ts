import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `tick` every `intervalMs` while the host is connected; ticks never overlap (the next waits for the last).
 * The timer lives here, not in the element, as the house style asks.
 */
export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private inFlight = false;
  private again = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<void>,
  ) {
    host.addController(this);
  }

  /** Starts polling when the element enters the page. */
  hostConnected(): void {
    this.running = true;
    void this.loop();
  }

  /** Stops polling when the element leaves. */
  hostDisconnected(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Polls now instead of waiting for the next tick (after an action whose effect should show at once). */
  poke(): void {
    if (!this.running) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    void this.loop();
  }

  private async loop(): Promise<void> {
    this.timer = null;
    this.inFlight = true;
    try {
      await this.tick();
    } catch {
      // A tick reports its own failures; the loop must survive them.
    } finally {
      this.inFlight = false;
      if (this.running) {
        const wait = this.again ? 0 : this.intervalMs;
        this.again = false;
        this.timer = setTimeout(() => void this.loop(), wait);
      }
    }
  }
}
