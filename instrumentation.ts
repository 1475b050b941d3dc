// Next.js calls register() once per server start. The check needs Node (pg), so it is loaded only
// in the Node.js runtime.
/** How long register() waits for the overview's read at start (after the warm start's own step). */
const OVERVIEW_WARM_WAIT_MS = 5_000;

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before anything else: the client address of every request (lib/http/client-ip.ts).
    const { installPeerAddressHook } = await import("./lib/http/peer-address");
    installPeerAddressHook();
    const { startupCheck } = await import("./lib/startup-check");
    await startupCheck();
    // Before the first request is served: shutdown counts the requests in flight from the start.
    const { installGracefulShutdown } = await import("./lib/shutdown");
    const { parseConfig } = await import("./lib/config");
    const config = parseConfig();
    installGracefulShutdown(config.shutdownTimeoutMs);
    // The overview's figures are read at start (lib/overview/warm.ts), on a connection of their own.
    const { warmOverviewAtStart } = await import("./lib/overview/warm");
    if (!config.warmStart) {
      // Not awaited: the server takes requests while they are read.
      void warmOverviewAtStart();
      return;
    }
    // The first requests after a start cost what later ones do (lib/warm-up.ts). Never fatal.
    // The overview's read begins as soon as the shared pool is open, with its capabilities (no second
    // introspection), beside the warm start's reads; register() then waits for it at most
    // OVERVIEW_WARM_WAIT_MS, so the first visit is served from memory without sharing the database
    // with the read, and a slow database delays the start by that much at most.
    const { getDatabase } = await import("./lib/db");
    const overview = warmOverviewAtStart(async () => (await getDatabase()).caps);
    const { warmStart } = await import("./lib/warm-up");
    await warmStart();
    const { within } = await import("./lib/within");
    await within(overview, OVERVIEW_WARM_WAIT_MS).catch(() => {}); // past the bound the read goes on in the background
  }
}
