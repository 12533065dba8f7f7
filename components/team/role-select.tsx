"use client";

import { ROLES, type Role } from "@/lib/auth/roles";

export function RoleSelect({ label, value, onChange, disabled }: { label: string; value: Role; onChange: (r: Role) => void; disabled?: boolean }) {
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as Role)}
      className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg"
    >
      {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
    </select>
  );
}
