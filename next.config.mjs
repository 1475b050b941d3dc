/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the database drivers out of the bundle (PGlite's WASM would otherwise be copied into it).
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  // No compression in the Node process: compressing each JSON page cost ~3.8 ms of CPU (of 5.3 ms
  // per request in all, measured at 1M users), the server's main cost under load. A reverse proxy
  // in front (nginx, Caddy, a load balancer) compresses far more cheaply; see README.
  compress: false,
  // `npm run typecheck` (run by CI) checks the whole project; the build that `npm start` runs on a
  // user's first start need not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: { authInterrupts: true },
};
export default nextConfig;
