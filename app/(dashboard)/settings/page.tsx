import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { TopBar } from "@/components/nav/top-bar";
import { KeyManager } from "@/components/keys/key-manager";
import { RetentionPanel } from "@/components/retention/retention-panel";
import { SamplingEditor } from "@/components/sampling/sampling-editor";
import { ServerNowProvider } from "@/components/ui/server-now";
import { ensureDefaultProject } from "@/lib/db/projects";
import { renderedAt } from "../request-context";
import { prefetchSettings } from "./prefetch";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { id: "api-keys", title: "API keys" },
  { id: "retention", title: "Storage and retention" },
  { id: "sampling", title: "Sampling rules" },
];

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-14">
      <h2 id={`${id}-heading`} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  await connection();
  const project = await ensureDefaultProject();
  const queryClient = new QueryClient();
  await prefetchSettings(queryClient, project);
  return (
    <ServerNowProvider now={renderedAt()}>
      <TopBar title="Settings" subtitle={`Project “${project.name}”`}>
        <nav aria-label="Settings sections" className="flex gap-1 text-xs">
          {SECTIONS.map((s) => (
            <a key={s.id} href={`#${s.id}`} className="rounded-md px-2 py-1 text-muted hover:bg-hover hover:text-fg">
              {s.title}
            </a>
          ))}
        </nav>
      </TopBar>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="flex flex-col gap-8 p-4">
          <Section id="api-keys" title="API keys">
            <KeyManager />
          </Section>
          <Section id="retention" title="Storage and retention">
            <div className="flex max-w-4xl flex-col gap-2">
              <p className="text-muted">
                How much is stored and for how long. Expired spans are refused at ingest and deleted by a purge that runs
                on a schedule.
              </p>
              <RetentionPanel slug={project.name} />
            </div>
          </Section>
          <Section id="sampling" title="Sampling rules">
            <div className="flex max-w-6xl flex-col gap-2">
              <p className="text-muted">
                Rules are tried highest priority first; the first rule with a span matching decides the trace&apos;s rate
                (no match: the default rate). Whole traces are kept or dropped consistently by trace id, and kept spans
                carry their rate, so counts and sums are weighted back up.
              </p>
              <SamplingEditor slug={project.name} />
            </div>
          </Section>
        </div>
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
