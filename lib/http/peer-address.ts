import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { markPeerHeaderTrusted, PEER_HEADER, peerHeaderTrusted } from "./client-ip";

/**
 * Records each request's socket address in PEER_HEADER before Next.js sees the request. Node publishes
 * `http.server.request.start` synchronously, before the server's "request" listeners run, so this
 * runs first for every request of every HTTP server in the process (a documented Node API, not a
 * patch of Next). Whatever a client sent under PEER_HEADER is overwritten or removed.
 */
export function installPeerAddressHook(): void {
  if (peerHeaderTrusted()) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const peer = socket.remoteAddress;
    if (peer) request.headers[PEER_HEADER] = peer;
    else delete request.headers[PEER_HEADER];
  });
  markPeerHeaderTrusted();
}
