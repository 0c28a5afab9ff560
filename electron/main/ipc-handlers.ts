/**
 * The main process's IPC surface: three channels, each with a sender check and an argument
 * schema, and nothing generic. Anything refused is dropped (a `send`) or rejected with one line
 * (an `invoke`), and never reaches a dialog or the disk.
 */
import { z } from "zod";
import { ipcChannels } from "../ipc/ipc-channels.ts";
import { isTrustedSender } from "./ipc-sender.ts";
import type { IpcSenderEvent } from "./ipc-sender.ts";

/** The largest file the bridge writes (a patch of a whole repository fits; a runaway string does not). */
export const maxSavedFileBytes = 64 * 1024 * 1024;

/** A file name suggested by the renderer: a name only, no folder, no control characters, not hidden. */
export const SuggestedFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && !hasControlCharacter(name) && !name.startsWith(".") && !/^[a-zA-Z]:/.test(name), "a file name, without folders");

function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
}

/** The arguments of each channel, as the renderer sends them. */
export const ipcArgumentSchemas = {
  [ipcChannels.connect]: z.tuple([]),
  [ipcChannels.saveFile]: z.tuple([SuggestedFileNameSchema, z.string().refine((text) => Buffer.byteLength(text) <= maxSavedFileBytes, "at most 64 MiB")]),
  [ipcChannels.pickPath]: z.tuple([z.enum(["repository", "spec"])]),
} as const;

/** What the handlers do once a message is accepted (native dialogs, the engine connection); E is the IPC event type. */
export interface IpcActions<E extends IpcSenderEvent> {
  /** Hands the sender's frame a MessagePort to the engine. */
  connect(event: E): void;
  saveFile(event: E, suggestedName: string, content: string): Promise<string | undefined>;
  pickPath(event: E, kind: "repository" | "spec"): Promise<string | undefined>;
}

/** The part of Electron's ipcMain the handlers register on. */
export interface IpcMainLike<E extends IpcSenderEvent> {
  on(channel: string, listener: (event: E, ...args: unknown[]) => void): unknown;
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/** Registers the three channels; `studioContentsId` names the window allowed to use them. */
export function registerIpcHandlers<E extends IpcSenderEvent>(
  ipcMain: IpcMainLike<E>,
  studioContentsId: () => number | undefined,
  actions: IpcActions<E>,
  log: (line: string) => void = () => undefined,
): void {
  const accept = <C extends keyof typeof ipcArgumentSchemas>(channel: C, event: IpcSenderEvent, args: unknown[]): z.output<(typeof ipcArgumentSchemas)[C]> => {
    if (!isTrustedSender(event, studioContentsId())) {
      log(`forklift: refused ${channel} from ${event.senderFrame?.url ?? "a destroyed frame"}`);
      throw new Error(`${channel}: refused (not the studio window)`);
    }
    const parsed = ipcArgumentSchemas[channel].safeParse(args);
    if (!parsed.success) throw new Error(`${channel}: invalid arguments: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data as z.output<(typeof ipcArgumentSchemas)[C]>;
  };

  ipcMain.on(ipcChannels.connect, (event, ...args) => {
    try {
      accept(ipcChannels.connect, event, args);
    } catch {
      return;
    }
    actions.connect(event);
  });
  ipcMain.handle(ipcChannels.saveFile, async (event, ...args) => {
    const [name, content] = accept(ipcChannels.saveFile, event, args);
    return actions.saveFile(event, name, content);
  });
  ipcMain.handle(ipcChannels.pickPath, async (event, ...args) => {
    const [kind] = accept(ipcChannels.pickPath, event, args);
    return actions.pickPath(event, kind);
  });
}
