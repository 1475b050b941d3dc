import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { closeAll } from "./db/closers";

/**
 * Graceful shutdown on SIGTERM/SIGINT, installed once per server process (instrumentation.ts):
 *  1. /api/ready answers 503 "shutting_down" (a balancer stops sending new requests);
 *  2. the HTTP server stops accepting connections; requests in flight run to the end (a bulk ban's
 *     transaction commits; idle keep-alive connections are closed at once, busy ones after their
 *     response);
 *  3. the pg pools and Redis clients are closed (lib/db/closers.ts);
 *  4. exit 0, or exit 1 once SHUTDOWN_TIMEOUT_MS has passed, whatever is still running.
 *
 * Next's own handler (start-server.js) also stops the server but exits 143 without closing pools
 * and without a bound, so the launchers set NEXT_MANUAL_SIG_HANDLE=1 and this takes over. Without
 * that variable (someone runs server.js by hand) this only marks readiness and arms the bound.
 *
 * The HTTP server is Next's, created before instrumentation runs: it is learnt from Node's
 * documented `http.server.request.start` channel (the same one lib/http/peer-address.ts uses), which
 * also counts requests in flight. A server that never had a request has nothing in flight.
 */
const g = globalThis as unknown as { __baAdminShutdown?: boolean; __baAdminShuttingDown?: boolean };

export function installGracefulShutdown(timeoutMs: number, log: (line: string) => void = (l) => console.log(l)): void {
  if (g.__baAdminShutdown) return;
  g.__baAdminShutdown = true;
  const servers = new Set<Server>();
  const inFlight = new Set<ServerResponse>();
  let drained: (() => void) | undefined;
  let started = false;
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; request: IncomingMessage; response: ServerResponse };
    servers.add(server);
    inFlight.add(response);
    // A request on a kept-alive connection during shutdown: answered, and the connection closed after.
    if (started) response.setHeader("connection", "close");
    const end = () => {
      if (inFlight.delete(response) && inFlight.size === 0) drained?.();
    };
    response.once("finish", end).once("close", end);
  });

  const manual = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    g.__baAdminShuttingDown = true;
    const began = Date.now();
    log(`[dashboard] ${signal}: finishing ${inFlight.size} request(s) in flight, then exiting (at most ${timeoutMs} ms)`);
    setTimeout(() => {
      console.error(`[dashboard] shutdown: still busy after ${timeoutMs} ms (${inFlight.size} request(s) in flight); exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    if (!manual) return;
    void (async () => {
      // Responses not yet started close their connection when done, instead of waiting for another request.
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      // close(): no new connections (refused from now on) and idle keep-alive ones closed now.
      const closed = [...servers].map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      if (inFlight.size > 0) await new Promise<void>((resolve) => (drained = resolve));
      for (const s of servers) s.closeAllConnections(); // nothing in flight: only idle connections remain
      await Promise.all(closed);
      const failures = await closeAll(Math.max(500, timeoutMs - (Date.now() - began)));
      for (const f of failures) console.error("[dashboard] shutdown: closing a connection failed:", f);
      log(`[dashboard] stopped in ${Date.now() - began} ms`);
      process.exit(failures.length === 0 ? 0 : 1);
    })();
  };
  process.on("SIGTERM", onSignal).on("SIGINT", onSignal);
}
