/**
 * The Electron main process, bundled to dist/electron/main.cjs: one hardened window showing the
 * renderer over the app protocol, the engine in its own process, and three checked IPC channels.
 * Everything security-relevant lives in the small files it wires together (each unit-tested
 * without the Electron binary); this file only composes them.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, protocol, session, shell } from "electron";
import type { IpcMainEvent, IpcMainInvokeEvent } from "electron";
import { appScheme, entryUrlFor } from "./app-origin.ts";
import { appSchemePrivileges, createAppProtocolHandler } from "./app-protocol.ts";
import { chooseEngineLaunch } from "./engine-launch.ts";
import type { EngineLaunch } from "./engine-launch.ts";
import { superviseEngine } from "./engine-supervisor.ts";
import type { EngineSupervisor, MainPort } from "./engine-supervisor.ts";
import { registerIpcHandlers } from "./ipc-handlers.ts";
import { createNativeActions } from "./native-dialogs.ts";
import { guardNavigation } from "./navigation-guard.ts";
import { spawnNodeEngineChild } from "./node-engine-child.ts";
import { denyAllPermissions } from "./permission-guard.ts";
import { safeStorageCipher } from "./safe-storage-cipher.ts";
import { openSettingsStore } from "./settings-store.ts";
import type { SettingsStore } from "./settings-store.ts";
import { forkUtilityEngineChild } from "./utility-engine-child.ts";
import { mainWindowOptions } from "./window-options.ts";
import { ipcChannels } from "../ipc/ipc-channels.ts";

const bundleDir = __dirname;
const rendererRoot = path.resolve(bundleDir, "../renderer");
const log = (line: string): void => void process.stderr.write(`${line}\n`);

app.setName("Forklift");
if (process.env.FORKLIFT_USER_DATA) app.setPath("userData", path.resolve(process.env.FORKLIFT_USER_DATA));
// before ready: the scheme's privileges, the sandbox for every renderer, the guards for every webContents
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
app.on("web-contents-created", (_event, contents) => guardNavigation(contents, (url) => shell.openExternal(url)));

let window: BrowserWindow | undefined;
let engine: EngineSupervisor | undefined;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => window?.focus());
  app.on("window-all-closed", () => app.quit());
  app.on("before-quit", (event) => {
    if (quitting || !engine) return;
    event.preventDefault();
    quitting = true;
    void engine.shutdown().finally(() => app.quit());
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, createAppProtocolHandler(rendererRoot));
  if (!existsSync(path.join(rendererRoot, "index.html"))) {
    throw new Error(`the studio's renderer is not built (${rendererRoot}): run npm run build:renderer, or npm start, which builds it`);
  }
  const settings = await openSettingsStore(path.join(app.getPath("userData"), "settings.json"), safeStorageCipher());
  settings.warnings.forEach((warning) => log(`forklift: ${warning}`));
  const launch = chooseEngineLaunch({ isPackaged: app.isPackaged, bundleDir, env: process.env });
  log(`forklift: engine in a ${launch.kind === "utility" ? "utility process" : `Node child process (${launch.nodePath})`}: ${launch.reason}`);
  engine = startEngine(launch, settings);
  await engine.ready;

  const studio = new BrowserWindow(mainWindowOptions(path.join(bundleDir, "preload.cjs")));
  window = studio;
  studio.on("closed", () => (window = undefined));
  const native = createNativeActions(
    { showSaveDialog: (options) => dialog.showSaveDialog(studio, options), showOpenDialog: (options) => dialog.showOpenDialog(studio, options) },
    () => app.getPath("downloads"),
  );
  registerIpcHandlers<IpcMainEvent | IpcMainInvokeEvent>(
    ipcMain,
    () => window?.webContents.id,
    {
      connect(event) {
        const port = engine?.connect();
        if (port) event.senderFrame?.postMessage(ipcChannels.enginePort, null, [port as unknown as Electron.MessagePortMain]);
      },
      saveFile: (_event, name, content) => native.saveFile(name, content),
      pickPath: (_event, kind) => native.pickPath(kind),
    },
    log,
  );
  studio.once("ready-to-show", () => studio.show());
  const pageDeaths: number[] = [];
  studio.webContents.on("render-process-gone", (_event, details) => {
    if (details.reason === "clean-exit" || quitting) return;
    const now = Date.now();
    pageDeaths.push(now);
    if (pageDeaths.filter((at) => now - at < 60_000).length >= 3) return fail(new Error(`the studio page keeps ending (${details.reason}); see the messages above`));
    log(`forklift: the studio page ended (${details.reason}); reloading it`);
    studio.webContents.reload();
  });
  await studio.loadURL(entryUrlFor(process.argv));
}

/** Starts the engine process and restarts it (reloading the window, which reconnects) if it dies; gives up after 3 deaths in a minute. */
function startEngine(launch: EngineLaunch, settings: SettingsStore): EngineSupervisor {
  const deaths: number[] = [];
  const launchOnce = (): EngineSupervisor => {
    const env = { ...process.env, FORKLIFT_RESOURCES_ROOT: app.isPackaged ? process.resourcesPath : path.resolve(bundleDir, "../..") };
    const child = launch.kind === "utility" ? forkUtilityEngineChild(launch.script, env) : spawnNodeEngineChild(launch.nodePath, launch.script, env);
    const supervisor = superviseEngine(child, {
      storePath: path.resolve(process.env.FORKLIFT_STORE ?? path.join(app.getPath("userData"), "forklift.db")),
      settings: settings.current(),
      saveSettings: (patch) => settings.update(patch),
      createChannel: () => {
        const { port1, port2 } = new MessageChannelMain();
        return [port1 as unknown as MainPort, port2 as unknown as MainPort];
      },
      log,
    });
    void supervisor.exited.then((code) => {
      if (quitting) return;
      const now = Date.now();
      deaths.push(now);
      if (deaths.filter((at) => now - at < 60_000).length >= 3) return fail(new Error(`the engine process keeps exiting (last code ${code}); see the messages above`));
      log(`forklift: the engine process exited (code ${code}); restarting it`);
      engine = launchOnce();
      void engine.ready.then(() => window?.webContents.reload(), fail);
    });
    return supervisor;
  };
  return launchOnce();
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log(`forklift: ${message}`);
  dialog.showErrorBox("Forklift could not start", message);
  quitting = true;
  app.exit(1);
}
