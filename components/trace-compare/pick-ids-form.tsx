"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TRACE_ID } from "./use-trace-bytes";

/** Two trace ids typed or pasted by hand: for a link without them, or to fix one that failed. */
export function PickIdsForm({ a, b, onPick }: { a: string; b: string; onPick: (a: string, b: string) => void }) {
  const [ida, setA] = useState(a);
  const [idb, setB] = useState(b);
  const [tried, setTried] = useState(false);
  const bad = (id: string) => !TRACE_ID.test(id.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!bad(ida) && !bad(idb)) onPick(ida.trim().toLowerCase(), idb.trim().toLowerCase());
  };
  const field = (label: string, value: string, set: (v: string) => void) => (
    <label className="flex flex-col gap-1 text-xs text-muted">
      {label}
      <Input value={value} onChange={(e) => set(e.target.value)} placeholder="32 or 16 hex characters" aria-invalid={tried && bad(value)} className="w-80 font-mono" spellCheck={false} />
    </label>
  );
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Trace ids to compare">
      {field("Trace A", ida, setA)}
      {field("Trace B", idb, setB)}
      <Button type="submit" variant="primary">Compare</Button>
      {tried && (bad(ida) || bad(idb)) && (
        <p role="alert" className="basis-full text-error">
          {bad(ida) ? "Trace A" : "Trace B"} is not a trace id: expected 32 or 16 hex characters.
        </p>
      )}
    </form>
  );
}
