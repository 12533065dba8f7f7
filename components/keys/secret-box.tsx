import { CopyButton } from "@/components/ui/copy-button";

/** A full key in a copyable box. */
export function SecretBox({ value, testId }: { value: string; testId?: string }) {
  return (
    <div className="flex items-center gap-2 rounded-md border border-line bg-bg py-1 pr-1 pl-2">
      <code data-testid={testId} className="min-w-0 flex-1 font-mono text-xs break-all select-all">
        {value}
      </code>
      <CopyButton text={value} />
    </div>
  );
}
