import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { TopBar } from "@/components/nav/top-bar";
import { KeyManager } from "@/components/keys/key-manager";
import { RetentionPanel } from "@/components/retention/retention-panel";
import { SamplingEditor } from "@/components/sampling/sampling-editor";
import { ActivityList } from "@/components/team/activity-list";
import { InvitesPanel } from "@/components/team/invites-panel";
import { MembersPanel } from "@/components/team/members-panel";
import { ProjectsPanel } from "@/components/team/projects-panel";
import { SnapshotsPanel } from "@/components/team/snapshots-panel";
import { ServerNowProvider } from "@/components/ui/server-now";
import { OWNER_ROLE } from "@/lib/db/users";
import { pageAccess } from "@/lib/auth/page-access";
import { renderedAt, requestOrigin } from "../request-context";
import { SendTraces } from "@/components/snippets/send-traces";
import { prefetchSettings } from "./prefetch";

export const metadata: Metadata = { title: "Settings" };

const ADMIN_SECTIONS = [
  { id: "send-traces", title: "Send traces" },
  { id: "members", title: "Members" },
  { id: "invites", title: "Invites" },
  { id: "api-keys", title: "API keys" },
  { id: "retention", title: "Storage and retention" },
  { id: "sampling", title: "Sampling rules" },
  { id: "snapshots", title: "Snapshots" },
  { id: "activity", title: "Activity" },
];
const OWNER_SECTIONS = [{ id: "projects", title: "Projects" }];

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
  const { project, role, user } = await pageAccess();
  const admin = role === "admin";
  const owner = user.role === OWNER_ROLE;
  const sections = [...(admin ? ADMIN_SECTIONS : [{ id: "members", title: "Members" }]), ...(owner ? OWNER_SECTIONS : [])];
  const queryClient = new QueryClient();
  if (admin) await prefetchSettings(queryClient, project);
  return (
    <ServerNowProvider now={renderedAt()}>
      <TopBar title="Settings" subtitle={`Project “${project.name}”`}>
        <nav aria-label="Settings sections" className="flex gap-1 text-xs">
          {sections.map((s) => (
            <a key={s.id} href={`#${s.id}`} className="rounded-md px-2 py-1 text-muted hover:bg-hover hover:text-fg">
              {s.title}
            </a>
          ))}
        </nav>
      </TopBar>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="flex flex-col gap-8 p-4">
          <Section id="members" title="Members">
            {!admin && (
              <p className="mb-2 text-muted" data-testid="settings-not-admin">
                You are a {role} in this project: keys, invites, retention and sampling are managed by its admins (listed below).
              </p>
            )}
            <MembersPanel />
          </Section>
          {admin && (
          <>
          <Section id="send-traces" title="Send traces">
            <div className="flex max-w-4xl flex-col gap-2">
              <p className="text-muted">
                Point an OpenTelemetry SDK (OTLP/HTTP, JSON or protobuf) or a Noveum SDK at this server with a key of
                this project that has the <em>ingest</em> scope (create one under API keys below).
              </p>
              <SendTraces origin={await requestOrigin()} apiKey={null} defaultOpen keysHref="#api-keys" />
            </div>
          </Section>
          <Section id="invites" title="Invites">
            <InvitesPanel />
          </Section>
          <Section id="api-keys" title="API keys">
            <KeyManager />
          </Section>
          <Section id="retention" title="Storage and retention">
            <div className="flex max-w-4xl flex-col gap-2">
              <p className="text-muted">
                How much is stored and for how long. Expired spans are refused at ingest and deleted by a purge that runs
                on a schedule.
              </p>
              <RetentionPanel slug={project.slug} />
            </div>
          </Section>
          <Section id="sampling" title="Sampling rules">
            <div className="flex max-w-6xl flex-col gap-2">
              <p className="text-muted">
                Rules are tried highest priority first; the first rule with a span matching decides the trace&apos;s rate
                (no match: the default rate). Whole traces are kept or dropped consistently by trace id, and kept spans
                carry their rate, so counts and sums are weighted back up.
              </p>
              <SamplingEditor slug={project.slug} />
            </div>
          </Section>
          <Section id="snapshots" title="Snapshots">
            <SnapshotsPanel />
          </Section>
          <Section id="activity" title="Activity">
            <ActivityList />
          </Section>
          </>
          )}
          {owner && (
            <Section id="projects" title="Projects">
              <ProjectsPanel />
            </Section>
          )}
        </div>
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
