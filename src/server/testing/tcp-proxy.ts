import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy a test puts between its servers and PostgreSQL, to lose the database the way a
 * network or a restart loses it, without touching the PostgreSQL that other tests share.
 */
export interface TcpProxy {
  port: number;
  /** Ends every connection through it at once and refuses new ones (the port stops listening). */
  cut(): Promise<void>;
  /** Listens again: new connections go through. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(
  port: number,
  target: { host: string; port: number },
  options: { refusing?: boolean } = {},
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server: Server = createServer((client) => {
    const upstream = connect(target);
    track(client);
    track(upstream);
    // Either side ending or failing ends the other, as a real dropped connection would.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  if (!options.refusing) await listen();
  return {
    port,
    async cut() {
      const closed = stopListening();
      destroyAll();
      await closed;
    },
    restore: listen,
    async close() {
      const closed = stopListening();
      destroyAll();
      await closed;
    },
  };
}
