"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * An in-app link that prefetches its page once the pointer or focus shows intent, the pattern
 * of Next's prefetching guide. Prefetched on sight, every link on screen costs a server render
 * (the layout's session and project reads included) on the same cores that serve the page's
 * own data: a trace page made 24 such requests while its waterfall loaded.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      // A touch screen has no hover: the finger going down is the intent.
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
