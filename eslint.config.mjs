import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // Links prefetch on intent (components/ui/intent-link.tsx): one on sight per link on screen
    // costs a server render each, on the cores that serve the page's own data.
    files: ["**/*.tsx", "**/*.ts"],
    ignores: ["components/ui/intent-link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use IntentLink from @/components/ui/intent-link: it prefetches on hover, focus or touch, not on sight." }] }] },
  },
  { ignores: [".scratch/**", "bench-data/**", ".next/**", "node_modules/**", "data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];
export default config;
