/**
 * The engine process: opens the store, builds the engine with `createEngine` and serves it with
 * the one `serveRpc` on every renderer connection the main process hands over (a MessagePort in
 * a utility process, a relayed connection in a Node child). Each connection is validated
 * engine-side; a malformed message gets a coded error, never a crash.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { assertNever } from "../../shared/assert-never.ts";
import { ForkliftError, toErrorValue } from "../../shared/errors.ts";
import { serveRpc } from "../../shared/protocol/serve-rpc.ts";
import type { SettingsPatch } from "../../shared/protocol/settings.ts";
import { createEngine } from "../../core/engine/index.ts";
import type { Engine } from "../../core/engine/index.ts";
import { openStore } from "../../core/store/index.ts";
import type { Store } from "../../core/store/index.ts";
import type { ToEngine } from "../ipc/engine-control.ts";
import type { MainChannel } from "./main-channel.ts";
import { createPortTransport } from "./port-transport.ts";
import type { WirePort } from "./port-transport.ts";
import { remoteUserSettings } from "./remote-user-settings.ts";
import type { SavedSettings } from "./remote-user-settings.ts";

/** What the engine process runs on besides its channel. */
export interface EngineHostOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Called once everything is closed (the entry point exits the process). */
  readonly exit: (code: number) => void;
}

/** Serves the engine over `channel` until the main process shuts it down or goes away. */
export function runEngineHost(channel: MainChannel, options: EngineHostOptions): void {
  let started: Promise<{ engine: Engine; store: Store }> | undefined;
  const relayed = new Map<number, { deliver: (data: unknown) => void; close: () => void }>();
  const pendingSaves = new Map<number, { resolve: (saved: SavedSettings) => void; reject: (error: Error) => void }>();
  let nextRequestId = 1;
  let stopping: Promise<void> | undefined;

  const save = (patch: SettingsPatch): Promise<SavedSettings> =>
    new Promise((resolve, reject) => {
      const requestId = nextRequestId++;
      pendingSaves.set(requestId, { resolve, reject });
      channel.send({ kind: "save-settings", requestId, patch });
    });

  const start = async (message: Extract<ToEngine, { kind: "init" }>): Promise<{ engine: Engine; store: Store }> => {
    try {
      mkdirSync(path.dirname(message.storePath), { recursive: true });
      const store = openStore(message.storePath);
      const env = options.env ?? process.env;
      const settings = remoteUserSettings({ llm: message.llm, keyStorage: message.keyStorage }, save);
      const engine = createEngine({ store, settings, env, labelPrefix: env.FORKLIFT_LABEL_PREFIX ?? "" });
      channel.send({ kind: "ready" });
      return { engine, store };
    } catch (error) {
      channel.send({ kind: "fatal", error: toErrorValue(error) });
      void stop(1);
      throw error;
    }
  };

  const serve = (connection: number, port: WirePort): void => {
    const transport = createPortTransport(port);
    if (!started) {
      process.stderr.write(`forklift engine: connection ${connection} arrived before init; closed\n`);
      return;
    }
    void started.then(
      ({ engine }) => {
        const stopServing = serveRpc(transport, engine.api, engine.events);
        void transport.closed.then(stopServing);
      },
      () => undefined,
    );
  };

  /** A connection relayed by the main process (Node child): its messages come as `rpc`, its end as `disconnect`. */
  const relayedPort = (connection: number): WirePort => {
    let deliver: (data: unknown) => void = () => undefined;
    let close: () => void = () => undefined;
    relayed.set(connection, {
      deliver: (data) => deliver(data),
      close() {
        relayed.delete(connection);
        close();
      },
    });
    return {
      postMessage: (message) => channel.send({ kind: "rpc", connection, message }),
      onMessage: (listener) => void (deliver = listener),
      onClose: (listener) => void (close = listener),
    };
  };

  const stop = (code: number): Promise<void> => {
    stopping ??= (async () => {
      for (const connection of [...relayed.values()]) connection.close();
      for (const [, pending] of pendingSaves) pending.reject(new ForkliftError("internal", "the studio is closing"));
      pendingSaves.clear();
      const running = await started?.catch(() => undefined);
      if (running) {
        await running.engine.close().catch(() => undefined);
        running.store.close();
      }
      options.exit(code);
    })();
    return stopping;
  };

  channel.onDisconnect(() => void stop(0));
  channel.onMessage((message, port) => {
    switch (message.kind) {
      case "init":
        if (!started) {
          started = start(message);
          started.catch(() => undefined);
        }
        return;
      case "connect":
        if (port) serve(message.connection, port);
        else if (channel.kind === "node") serve(message.connection, relayedPort(message.connection));
        return;
      case "rpc":
        relayed.get(message.connection)?.deliver(message.message);
        return;
      case "disconnect":
        relayed.get(message.connection)?.close();
        return;
      case "settings-saved": {
        const pending = pendingSaves.get(message.requestId);
        pendingSaves.delete(message.requestId);
        if (!pending) return;
        if (message.outcome.ok) pending.resolve({ llm: message.outcome.llm, keyStorage: message.outcome.keyStorage });
        else pending.reject(new ForkliftError(message.outcome.error.code, message.outcome.error.message));
        return;
      }
      case "shutdown":
        void stop(0);
        return;
      default:
        assertNever(message, "message from the main process");
    }
  });
}
