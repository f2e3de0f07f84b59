/**
 * Answers held by latency faults on the emulator clock (`latencyClock: "emulator"`): each waits
 * until the emulator clock is moved (`POST /_emulator/clock`, `EmulatorAdminClient.advanceClock`)
 * to or past its due time. Real time passing does not release them, so a test decides exactly
 * when a slow answer arrives, without sleeping. A reset or `close()` releases them all.
 */
export class HeldAnswers {
  private held: Array<{ readonly dueMs: number; readonly release: () => void }> = [];

  /** Resolves once the emulator clock has been moved to `dueMs` or later. */
  hold(dueMs: number): Promise<void> {
    return new Promise((release) => this.held.push({ dueMs, release }));
  }

  /** Called when the clock moves: releases every answer due at `nowMs`. */
  releaseDue(nowMs: number): void {
    const due = this.held.filter((h) => h.dueMs <= nowMs);
    this.held = this.held.filter((h) => h.dueMs > nowMs);
    for (const h of due) h.release();
  }

  releaseAll(): void {
    const all = this.held;
    this.held = [];
    for (const h of all) h.release();
  }

  get count(): number {
    return this.held.length;
  }
}
