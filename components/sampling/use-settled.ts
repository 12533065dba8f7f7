"use client";

import { useEffect, useState } from "react";

/**
 * `value` once it has stopped changing for `ms`, and `flush` to take it at once (Enter).
 * Compared by ===, so pass a string (the body as JSON), not a fresh object per render.
 */
export function useSettled<T>(value: T, ms: number): [T, () => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return [settled, () => setSettled(value)];
}
