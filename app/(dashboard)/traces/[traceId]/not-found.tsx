import { IntentLink as Link } from "@/components/ui/intent-link";
import { TopBar } from "@/components/nav/top-bar";
import { buttonClass } from "@/components/ui/button";

export default function TraceNotFound() {
  return (
    <>
      <TopBar title="Trace not found" />
      <div className="max-w-2xl p-4" data-testid="trace-not-found">
        <p className="font-medium">There is no trace with this id in this project.</p>
        <p className="mt-1 text-muted">
          Check the id in the address bar (32 or 16 hexadecimal characters). A trace that was just sent can take a moment
          to appear, and spans sent with a key of another project are stored there.
        </p>
        <Link href="/" className={buttonClass("secondary", "mt-3")}>
          Back to the latest traces
        </Link>
      </div>
    </>
  );
}
