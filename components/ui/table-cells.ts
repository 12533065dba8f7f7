/** Header and body cells of the small settings tables (keys, members), so they look alike. */
export const SETTINGS_TH = "h-8 border-b border-line bg-panel px-3 text-left text-xs font-medium text-muted";
export const SETTINGS_TD = "h-[30px] border-b border-line px-3 align-middle";
