/**
 * Queries run on the thread that also serves HTTP, heartbeats, cancellation and timers. Operators pass pages
 * through promises, which never let the event loop reach I/O, so a long aggregation would freeze the server
 * until it finished. Leaf operators call {@link yieldIfSliceSpent} after each page: once a slice of about
 * 20 ms of work has run, it waits one `setImmediate` turn, so pending I/O and timers run between pages.
 */
const SLICE_MS = 20;
let sliceStart = performance.now();

/** A promise to await when this thread has worked a whole slice without yielding, else undefined. */
export function yieldIfSliceSpent(): Promise<void> | undefined {
  if (performance.now() - sliceStart < SLICE_MS) return undefined;
  return new Promise((resolve) =>
    setImmediate(() => {
      sliceStart = performance.now();
      resolve();
    }),
  );
}
