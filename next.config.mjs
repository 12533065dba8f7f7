/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules: bundling them breaks the build (the bindings are resolved per platform at run time).
  serverExternalPackages: ["@duckdb/node-api", "@duckdb/node-bindings", "@libsql/client", "libsql"],
  poweredByHeader: false,
};
export default nextConfig;
