/**
 * The IPC channel names between the preload and the main process: the only ones the main
 * process listens on, each with its own handler, sender check and argument schema (never a
 * generic invoke(channel)). The engine's own traffic does not use them: it flows over a
 * MessagePort handed out on {@link ipcChannels.enginePort}.
 */
export const ipcChannels = {
  /** preload → main: asks for a MessagePort to the engine (on each page load). */
  connect: "forklift:connect",
  /** main → preload: the MessagePort to the engine. */
  enginePort: "forklift:engine-port",
  /** preload → main (invoke): native save dialog, then write the file. */
  saveFile: "forklift:save-file",
  /** preload → main (invoke): native open dialog for a repository folder or a spec file. */
  pickPath: "forklift:pick-path",
} as const;
