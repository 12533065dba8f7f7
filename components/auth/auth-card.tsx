import { ThemeToggle } from "@/components/theme/theme-toggle";

/** The frame of the signed-out pages: a small centred card, in either theme. */
export function AuthCard({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-bg p-6 text-fg">
      <section aria-labelledby="auth-title" className="w-full max-w-sm rounded-lg border border-line bg-panel p-5 shadow-sm">
        <p className="mb-3 flex items-center gap-2 text-sm font-semibold tracking-tight">
          <svg viewBox="0 0 16 16" className="size-4 text-accent" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
            <path d="M2 4h8M4 8h9M6 12h6" strokeLinecap="round" />
          </svg>
          Spanlens
        </p>
        <h1 id="auth-title" className="text-base font-semibold">{title}</h1>
        {intro && <p className="mt-1 text-muted">{intro}</p>}
        <div className="mt-4">{children}</div>
      </section>
      <div className="w-40"><ThemeToggle /></div>
    </main>
  );
}

/** A labelled input with its own error line, wired for screen readers. */
export function Field({
  id, label, error, ref, ...input
}: { id: string; label: string; error?: string | null; ref?: React.Ref<HTMLInputElement> }
  & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">{label}</label>
      <input
        ref={ref}
        id={id}
        name={id}
        aria-invalid={error != null ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="h-8 rounded-md border border-line bg-bg px-2 text-[13px] text-fg placeholder:text-faint aria-invalid:border-error"
        {...input}
      />
      {error && <p id={`${id}-error`} className="text-xs text-error">{error}</p>}
    </div>
  );
}
