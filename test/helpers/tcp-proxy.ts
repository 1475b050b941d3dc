import net from "node:net";

export type ProxyMode = "forward" | "stall";

/**
 * A TCP proxy in front of a real server (Postgres, Redis) that a test can turn into a bad network:
 *  - "forward": bytes flow both ways;
 *  - "stall":   connections stay open (new ones are accepted) but no byte gets through, in either
 *               direction: the server "accepts and then never answers", the worst kind of outage.
 *               Bytes are held, not dropped (TCP never loses them): switching back to "forward"
 *               delivers them late, in order, as a server that froze and came back would;
 *  - close() / reopen(): the port refuses connections (ECONNREFUSED), then listens again.
 * dropAll() cuts every open connection, as a restarting server would.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  let mode: ProxyMode = "forward";
  const sockets = new Set<net.Socket>();
  const held: { to: net.Socket; chunk: Buffer }[] = [];
  const pass = (to: net.Socket, chunk: Buffer) => {
    if (mode === "forward") to.write(chunk);
    else held.push({ to, chunk });
  };
  let server: net.Server;
  let port = 0;

  const handle = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("data", (chunk) => pass(upstream, chunk));
    upstream.on("data", (chunk) => pass(client, chunk));
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer(handle);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    get port() {
      return port;
    },
    setMode(m: ProxyMode) {
      mode = m;
      if (m === "forward") for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    dropAll() {
      held.length = 0;
      for (const s of sockets) s.destroy();
    },
    /** stop listening and cut every connection: the port now refuses */
    async close() {
      held.length = 0;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    /** listen again on the same port */
    reopen: listen,
  };
}
