import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // One zone for every machine, so tests of local-time formatting mean the same everywhere.
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"], environment: "node", testTimeout: 60_000, env: { TZ: "UTC" } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One real Next server (production build) for every integration file.
          globalSetup: ["tests/global-setup.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
