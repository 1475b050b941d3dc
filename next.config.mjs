/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the database drivers out of the bundle (PGlite's WASM would otherwise be copied into it).
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  // `npm run typecheck` (run by CI) checks the whole project; the build that `npm start` runs on a
  // user's first start need not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: { authInterrupts: true },
};
export default nextConfig;
