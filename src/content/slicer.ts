/**
 * Cooperative time slicing: work runs in slices of a few milliseconds and yields
 * to the page between them: each slice aims at ~6 ms, so Nameplate's own tasks stay
 * far below the 50 ms of a long task. It also
 * counts the main-thread time spent, for the benchmark.
 */
const SLICE_MS = 6;

export class Slicer {
  busyMs = 0;
  longestSliceMs = 0;
  private sliceStart = performance.now();

  /** Yield to the page if this slice has used its budget. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    this.endSlice();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.sliceStart = performance.now();
  }

  /** Main-thread time so far, including the open slice. */
  get elapsedMs(): number {
    return this.busyMs + performance.now() - this.sliceStart;
  }

  /** Close the current slice (before awaiting something else, or at the end). */
  endSlice(): void {
    const ms = performance.now() - this.sliceStart;
    this.busyMs += ms;
    this.longestSliceMs = Math.max(this.longestSliceMs, ms);
    this.sliceStart = performance.now();
  }

  /** Start timing again after an await that was not a pause. */
  resume(): void {
    this.sliceStart = performance.now();
  }
}
