/**
 * The engine process's private line to the main process. In a utility process (the packaged
 * app) it is Electron's `process.parentPort`, and renderer connections arrive as MessagePorts;
 * in a Node child process (development, see engine-launch.ts) it is Node's IPC channel, and the
 * main process relays each connection's messages. Both speak engine-control.ts.
 */
import type { FromEngine, ToEngine } from "../ipc/engine-control.ts";
import { ToEngineSchema } from "../ipc/engine-control.ts";
import type { WirePort } from "./port-transport.ts";

/** Electron's MessagePortMain as a utility process receives it (structural, so this file needs no Electron at run time). */
export interface MessagePortMainLike {
  on(event: "message", listener: (event: { data: unknown }) => void): unknown;
  on(event: "close", listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
}

/** Electron's `process.parentPort` in a utility process. */
export interface ParentPortLike {
  on(event: "message", listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

/** The engine's channel to the main process. */
export interface MainChannel {
  /** `utility`: a MessagePort comes with each connect; `node`: the main process relays connections. */
  readonly kind: "utility" | "node";
  send(message: FromEngine): void;
  /** Registers the listener of valid messages (an invalid one is reported on stderr and dropped). */
  onMessage(listener: (message: ToEngine, port: WirePort | undefined) => void): void;
  /** Called when the main process goes away. */
  onDisconnect(listener: () => void): void;
}

/** The channel of this process: the utility process's parentPort, else Node's IPC channel; undefined when started by hand. */
export function connectToMain(): MainChannel | undefined {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) return parentPortChannel(parentPort);
  if (process.send) return nodeIpcChannel(process);
  return undefined;
}

/** The channel over a utility process's parentPort. */
export function parentPortChannel(parentPort: ParentPortLike): MainChannel {
  return {
    kind: "utility",
    send: (message) => parentPort.postMessage(message),
    onMessage(listener) {
      parentPort.on("message", ({ data, ports }) => {
        const message = parse(data);
        const port = ports[0];
        if (message) listener(message, port ? wirePortOf(port) : undefined);
      });
    },
    // a utility process ends with its parent
    onDisconnect() {},
  };
}

/** The channel over Node's IPC channel (a child process spawned with an "ipc" stdio entry). */
export function nodeIpcChannel(child: NodeJS.Process): MainChannel {
  return {
    kind: "node",
    send: (message) => child.send?.(message),
    onMessage(listener) {
      child.on("message", (data: unknown) => {
        const message = parse(data);
        if (message) listener(message, undefined);
      });
    },
    onDisconnect: (listener) => void child.on("disconnect", listener),
  };
}

/** A MessagePortMain as a WirePort. */
export function wirePortOf(port: MessagePortMainLike): WirePort {
  return {
    postMessage: (data) => port.postMessage(data),
    onMessage(listener) {
      port.on("message", ({ data }) => listener(data));
      port.start();
    },
    onClose: (listener) => void port.on("close", listener),
  };
}

function parse(data: unknown): ToEngine | undefined {
  const parsed = ToEngineSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  process.stderr.write(`forklift engine: ignored a malformed message from the main process (${parsed.error.issues[0]?.message ?? "invalid"})\n`);
  return undefined;
}
