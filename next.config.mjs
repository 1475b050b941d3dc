/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the database drivers out of the bundle (PGlite's WASM would otherwise be copied into it).
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};
export default nextConfig;
