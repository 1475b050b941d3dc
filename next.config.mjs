import { distDirFor, parseBasePath } from "./lib/base-path.mjs";

// BASE_PATH=/admin serves the dashboard under /admin. Next inlines basePath into the client bundles,
// so it is fixed when building: a base-path build goes to a folder of its own (distDirFor) and is
// chosen again by the same BASE_PATH when the server starts (docs/architecture.md, "Base path").
const basePath = parseBasePath(process.env.BASE_PATH);

// Headers every response gets (pages, API JSON, static files). The per-request CSP (nonce) and
// HSTS (only over https, known at run time) are set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...(basePath ? { basePath } : {}),
  distDir: distDirFor(basePath),
  // For the few URLs Next does not prefix itself (fetch() in client components: lib/base-path.mjs).
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  // A self-contained server (.next/standalone/server.js with only the node_modules it needs): what
  // the published package and the container ship, so nothing compiles on a user's machine.
  // scripts/lib/standalone.ts copies .next/static in beside it (Next leaves that to the deployer).
  output: "standalone",
  // The standalone trace starts here, not at a parent folder with another lockfile.
  outputFileTracingRoot: import.meta.dirname,
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
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};
export default nextConfig;
