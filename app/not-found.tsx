import { IntentLink as Link } from "@/components/ui/intent-link";

/** Unknown URLs: say so, and offer the way back. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing lives at this address in Spanlens.</p>
      <Link href="/" className="text-sm font-medium text-blue-700 underline dark:text-blue-400">
        Go to the latest traces
      </Link>
    </main>
  );
}
