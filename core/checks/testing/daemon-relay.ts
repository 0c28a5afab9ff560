/**
 * Fault injection for tests: a unix-socket relay in front of the real Docker daemon. A driver
 * connected through it works normally until `cut()` closes the relay and every connection
 * through it — a daemon connection lost mid-command, which cannot be caused otherwise without
 * stopping the daemon every other test needs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A running relay: DOCKER_HOST for it, the cut, and cleanup. */
export interface DaemonRelay {
  /** DOCKER_HOST value that goes through the relay. */
  readonly dockerHost: string;
  /** Closes the relay and destroys every connection through it. */
  cut(): void;
  /** Cuts (if not yet) and removes the socket's folder. */
  close(): Promise<void>;
}

/** Starts a relay to `daemonSocket` (default the local daemon's socket). */
export async function startDaemonRelay(daemonSocket = "/var/run/docker.sock"): Promise<DaemonRelay> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-relay-"));
  const socketPath = path.join(dir, "docker.sock");
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const daemon = connect(daemonSocket);
    for (const socket of [client, daemon]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(daemon).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  let cut = false;
  const doCut = () => {
    if (cut) return;
    cut = true;
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return {
    dockerHost: `unix://${socketPath}`,
    cut: doCut,
    close: async () => {
      doCut();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
