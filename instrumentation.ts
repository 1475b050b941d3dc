// Next.js calls register() once per server start. The check needs Node (pg), so it is loaded only
// in the Node.js runtime.
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
    // The first requests after a start cost what later ones do (lib/warm-up.ts). Never fatal.
    if (config.warmStart) {
      const { warmStart } = await import("./lib/warm-up");
      await warmStart();
    }
    // Not awaited: the server takes requests while the overview's figures are read (lib/overview/warm.ts),
    // on a connection of its own, after the warm start's awaited step (which it would only slow down).
    const { warmOverviewAtStart } = await import("./lib/overview/warm");
    void warmOverviewAtStart();
  }
}
