import { DashboardFrame } from "@/components/nav/dashboard-frame";
import { pageAccess } from "@/lib/auth/page-access";

/** proxy.ts already sent visitors without a session to sign in (keeping their URL) and
 * made the URL name a project; pageAccess checks both again beside the data, and sends
 * people who are not members of that project to /no-access. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user, project, role, projects } = await pageAccess();
  return (
    <DashboardFrame user={{ email: user.email, name: user.name }} project={{ slug: project.slug, name: project.name, role }} projects={projects}>
      {children}
    </DashboardFrame>
  );
}
