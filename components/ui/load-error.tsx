/** A panel's data failed to load: what, why, and what to do. */
export function LoadError({ what, error }: { what: string; error: Error }) {
  return (
    <p role="alert" className="text-error">
      Could not load {what}: {error.message}. Reload the page to try again.
    </p>
  );
}
