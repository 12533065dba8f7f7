import { IngestError } from "./types";

/** The IngestError `fn` throws; fails the test when it throws something else or nothing. */
export function errorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error("expected an IngestError");
}
