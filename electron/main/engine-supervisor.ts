/**
 * The main process's side of the engine process: starts it with the settings, answers its
 * requests to save settings (the main process owns safeStorage), and connects renderers to it.
 * A renderer always gets one end of a fresh MessageChannel; the other end goes to the engine
 * (utility process) or stays here and is relayed over the child's IPC channel (Node child in
 * development). The main process never reads the engine's traffic in the first case and only
 * forwards it, unread, in the second.
 */
import { ForkliftError, toErrorValue } from "../../shared/errors.ts";
import type { SettingsPatch } from "../../shared/protocol/settings.ts";
import { malformedReply } from "../engine-host/decode-wire-message.ts";
import { FromEngineSchema } from "../ipc/engine-control.ts";
import type { LlmSecrets, ToEngine } from "../ipc/engine-control.ts";

/** One end of a MessageChannelMain (structural, so a test can pass its own pair). */
export interface MainPort {
  postMessage(message: unknown, transfer?: never[]): void;
  on(event: "message", listener: (event: { data: unknown }) => void): unknown;
  on(event: "close", listener: () => void): unknown;
  start(): void;
  close(): void;
}

/** The engine process as the supervisor drives it: a utility process or a Node child. */
export interface EngineChild {
  readonly kind: "utility" | "node";
  /** Sends a control message, with MessagePorts for the utility process. */
  send(message: ToEngine, transfer?: MainPort[]): void;
  onMessage(listener: (data: unknown) => void): void;
  /** Called once when the process has ended (`problem`: why it could not run, in one line). */
  onExit(listener: (code: number | null, problem?: string) => void): void;
  kill(): void;
}

/** What the supervisor needs besides the child. */
export interface SupervisorOptions {
  readonly storePath: string;
  readonly settings: { llm: LlmSecrets; keyStorage: "os-keychain" | "memory" };
  /** Persists a settings change (encrypting the key) and returns the settings as they now are. */
  readonly saveSettings: (patch: SettingsPatch) => Promise<{ llm: LlmSecrets; keyStorage: "os-keychain" | "memory" }>;
  /** A fresh pair of connected ports (MessageChannelMain in the app). */
  readonly createChannel: () => [MainPort, MainPort];
  readonly log?: (line: string) => void;
}

/** A started engine process. */
export interface EngineSupervisor {
  /** Resolves when the engine serves; rejects with the engine's one-line error when it cannot start. */
  readonly ready: Promise<void>;
  /** Connects a new renderer: returns the port to hand to it. */
  connect(): MainPort;
  /** Asks the engine to pause its runs and exit; kills it after `timeoutMs`. */
  shutdown(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code when the process ends, whoever ended it. */
  readonly exited: Promise<number | null>;
}

/** Starts supervising `child`: sends init and serves its requests. */
export function superviseEngine(child: EngineChild, options: SupervisorOptions): EngineSupervisor {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const relays = new Map<number, MainPort>();
  let nextConnection = 1;
  let settleReady: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) =>
    child.onExit((code, problem) => {
      settleReady?.reject(new ForkliftError("internal", problem ?? `the engine process exited (code ${code}) before it was ready`));
      for (const port of relays.values()) port.close();
      relays.clear();
      resolve(code);
    }),
  );

  child.onMessage((data) => {
    const parsed = FromEngineSchema.safeParse(data);
    if (!parsed.success) {
      log(`forklift: ignored a malformed message from the engine process (${parsed.error.issues[0]?.message ?? "invalid"})`);
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case "ready":
        settleReady?.resolve();
        return;
      case "fatal":
        settleReady?.reject(new ForkliftError(message.error.code, message.error.message));
        return;
      case "save-settings":
        void options.saveSettings(message.patch).then(
          (saved) => child.send({ kind: "settings-saved", requestId: message.requestId, outcome: { ok: true, ...saved } }),
          (error: unknown) => child.send({ kind: "settings-saved", requestId: message.requestId, outcome: { ok: false, error: toErrorValue(error) } }),
        );
        return;
      case "rpc":
        relays.get(message.connection)?.postMessage(message.message);
        return;
    }
  });

  child.send({ kind: "init", storePath: options.storePath, llm: options.settings.llm, keyStorage: options.settings.keyStorage });

  return {
    ready,
    exited,
    connect() {
      const [rendererSide, engineSide] = options.createChannel();
      const connection = nextConnection++;
      if (child.kind === "utility") {
        child.send({ kind: "connect", connection }, [engineSide]);
        return rendererSide;
      }
      relays.set(connection, engineSide);
      child.send({ kind: "connect", connection });
      engineSide.on("message", ({ data }) => {
        try {
          child.send({ kind: "rpc", connection, message: data });
        } catch {
          // not serializable for the child's JSON channel (a BigInt, a cycle): refused here as the engine would
          engineSide.postMessage(malformedReply(data, "not serializable"));
        }
      });
      engineSide.on("close", () => {
        if (relays.delete(connection)) child.send({ kind: "disconnect", connection });
      });
      engineSide.start();
      return rendererSide;
    },
    async shutdown(timeoutMs = 10_000) {
      try {
        child.send({ kind: "shutdown" });
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.kill(), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
