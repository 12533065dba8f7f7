"use client";

import { usePathname } from "next/navigation";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { useProject } from "@/components/project/project-context";
import type { ProjectChoice } from "@/lib/auth/page-access";
import { ProjectSwitcher } from "./project-switcher";
import { NavIcon, type NavIconName } from "./nav-icons";
import { SignOut } from "./sign-out";
import { IntentLink as Link } from "@/components/ui/intent-link";

interface NavItem {
  label: string;
  icon: NavIconName;
  href: string;
  /** Paths that also mark this item current (a trace belongs to Traces). */
  matches?: (path: string) => boolean;
}

const ITEMS: NavItem[] = [
  { label: "Home", icon: "home", href: "/", matches: (p) => p === "/" },
  { label: "Boards", icon: "boards", href: "/boards", matches: (p) => p.startsWith("/boards") },
  { label: "Traces", icon: "traces", href: "/traces", matches: (p) => p.startsWith("/traces") },
  { label: "Metrics", icon: "metrics", href: "/metrics", matches: (p) => p.startsWith("/metrics") },
  { label: "Funnels", icon: "funnels", href: "/funnels", matches: (p) => p.startsWith("/funnels") },
  { label: "Tiers", icon: "tiers", href: "/tiers", matches: (p) => p.startsWith("/tiers") },
  { label: "Attributes", icon: "attributes", href: "/attributes", matches: (p) => p.startsWith("/attributes") },
  { label: "Saved", icon: "saved", href: "/saved", matches: (p) => p.startsWith("/saved") },
  { label: "Settings", icon: "settings", href: "/settings", matches: (p) => p.startsWith("/settings") },
];

const ROW = "flex h-7 items-center gap-2 rounded-md px-2";

export function Sidebar({
  user, projects, onShowShortcuts,
}: { user: { email: string; name: string }; projects: ProjectChoice[]; onShowShortcuts: () => void }) {
  const pathname = usePathname();
  const { slug } = useProject();
  const inProject = (href: string) => `${href}?project=${encodeURIComponent(slug)}`;
  return (
    <nav aria-label="Main" className="flex w-48 shrink-0 flex-col border-r border-line bg-panel">
      <Link href={inProject("/")} className="flex h-11 items-center gap-2 px-4 text-sm font-semibold tracking-tight">
        <svg viewBox="0 0 16 16" className="size-4 text-accent" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
          <path d="M2 4h8M4 8h9M6 12h6" strokeLinecap="round" />
        </svg>
        Spanlens
      </Link>
      <ProjectSwitcher projects={projects} />
      <ul className="flex flex-1 flex-col gap-0.5 px-2 py-1">
        {ITEMS.map((item) => {
          const current = item.matches?.(pathname) ?? pathname === item.href;
          return (
            <li key={item.label}>
              <Link
                href={inProject(item.href)}
                aria-current={current ? "page" : undefined}
                className={`${ROW} ${current ? "bg-selected font-medium text-fg" : "text-muted hover:bg-hover hover:text-fg"}`}
              >
                <NavIcon name={item.icon} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-col gap-2 border-t border-line p-3">
        <ThemeToggle />
        <button type="button" onClick={onShowShortcuts} className="text-left text-xs text-muted hover:text-fg">
          Keyboard shortcuts <span className="font-mono">?</span>
        </button>
        <SignOut user={user} />
      </div>
    </nav>
  );
}
