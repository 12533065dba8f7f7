"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * An in-app link that prefetches its page once the pointer or focus shows intent, the pattern of
 * Next's prefetching guide. Links prefetched on sight (the sidebar, a table's rows) cost a page load
 * eight or more server renders (each with the layout's session and project reads) on the
 * same cores that serve the page's own data: measured on a 100,000-span trace, they doubled
 * the time to the waterfall's first byte.
 */
export function IntentLink({ onMouseEnter, onFocus, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
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
    />
  );
}
