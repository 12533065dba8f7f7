export type NavIconName = "home" | "traces" | "metrics" | "funnels" | "tiers" | "attributes" | "saved" | "settings" | "boards";

const PATHS: Record<NavIconName, string> = {
  home: "M2.5 7.5 8 2.5l5.5 5V13.5h-3.5v-4h-4v4H2.5z",
  traces: "M2 3.5h7M4 8h9M6 12.5h5",
  tiers: "M2.5 13.5h3v-3h-3zM6.5 13.5h3v-6h-3zM10.5 13.5h3v-10h-3z",
  metrics: "M2.5 13.5h11M4 11V7M7 11V4M10 11V8M13 11V5",
  funnels: "M2 3h12l-4.5 5.5V13l-3 1.5V8.5z",
  attributes: "M2.5 2.5h5l6 6-5 5-6-6zM5.25 5.25h.01",
  saved: "M4 2.5h8v11l-4-3-4 3z",
  boards: "M2.5 2.5h5v6h-5zM9.5 2.5h4v3h-4zM9.5 7.5h4v6h-4zM2.5 10.5h5v3h-5z",
  settings: "M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4",
};

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" aria-hidden>
      <path d={PATHS[name]} />
    </svg>
  );
}
