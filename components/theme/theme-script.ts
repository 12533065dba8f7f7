export const THEME_STORAGE_KEY = "spanlens-theme";

export type ThemePreference = "system" | "light" | "dark";

/**
 * Runs in <head> before first paint, so a saved or system dark theme never flashes light.
 * Kept tiny and dependency-free: it is inlined into every page.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;
