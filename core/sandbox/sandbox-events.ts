/** Progress events of slow sandbox operations, shaped so the engine can forward them to the UI as they are. */

/** The steps of making a checkpoint, in order. */
export type CheckpointPhase = "creating-container" | "copying-files" | "copying-ignored" | "running-setup" | "committing" | "done";

/** One progress event. Plain data (JSON-safe), discriminated by `type`. */
export type SandboxEvent =
  /** A line of `docker pull` progress; `current`/`total` are bytes of one layer when known. */
  | {
      readonly type: "image-pull";
      readonly image: string;
      readonly status: string;
      readonly layer?: string;
      readonly current?: number;
      readonly total?: number;
    }
  /** A line of image build output. */
  | { readonly type: "image-build"; readonly image: string; readonly text: string }
  /** A checkpoint moved to a new phase; `detail` says e.g. how many files were copied. */
  | {
      readonly type: "checkpoint";
      readonly session: string;
      readonly node: string;
      readonly phase: CheckpointPhase;
      readonly detail?: string;
      readonly elapsedMs: number;
    }
  /** Output of a setup command while a base checkpoint is prepared. */
  | {
      readonly type: "setup-output";
      readonly session: string;
      readonly command: string;
      readonly stream: "stdout" | "stderr";
      readonly text: string;
    };

/** Receives progress events; must not throw (errors are ignored). */
export type SandboxEventListener = (event: SandboxEvent) => void;

/** Calls a listener if there is one, shielding the operation from a listener that throws. */
export function emitEvent(listener: SandboxEventListener | undefined, event: SandboxEvent): void {
  if (!listener) return;
  try {
    listener(event);
  } catch {
    // A broken progress display must not break the operation it reports on.
  }
}
