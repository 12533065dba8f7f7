import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { pageAccess } from "@/lib/auth/page-access";
import { CompareClient } from "./client";
import Loading from "./loading";

export const metadata: Metadata = { title: "Compare traces" };

/**
 * Two traces side by side. The client loads both from the waterfall's JSON route (either span
 * store serves it), so a shared link opens the same comparison.
 */
export default async function ComparePage() {
  await connection();
  await pageAccess();
  return (
    <Suspense fallback={<Loading />}>
      <CompareClient />
    </Suspense>
  );
}
