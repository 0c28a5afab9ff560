/**
 * The bridge's native actions: the save dialog then the write (exports), and the open dialog for
 * a repository folder or a spec file. The renderer suggests a file name only; where the file
 * goes is the user's choice in the dialog.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { OpenDialogOptions, SaveDialogOptions } from "electron";

/** The part of Electron's `dialog` the actions use (a test can answer for the user). */
export interface DialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Save and pick, as the IPC handlers call them. */
export interface NativeActions {
  saveFile(suggestedName: string, content: string): Promise<string | undefined>;
  pickPath(kind: "repository" | "spec"): Promise<string | undefined>;
}

/** The native actions over a dialog; `defaultFolder` is where the save dialog opens (Downloads). */
export function createNativeActions(dialog: DialogLike, defaultFolder: () => string): NativeActions {
  return {
    async saveFile(suggestedName, content) {
      const extension = path.extname(suggestedName).slice(1);
      const { canceled, filePath } = await dialog.showSaveDialog({
        title: "Export",
        defaultPath: path.join(defaultFolder(), path.basename(suggestedName)),
        filters: [...(extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : []), { name: "All files", extensions: ["*"] }],
        properties: ["createDirectory", "showOverwriteConfirmation"],
      });
      if (canceled || !filePath) return undefined;
      try {
        await writeFile(filePath, content, "utf8");
      } catch (error) {
        throw new Error(`could not write ${filePath}: ${(error as Error).message}; choose another place`);
      }
      return filePath;
    },
    async pickPath(kind) {
      const options: OpenDialogOptions =
        kind === "repository"
          ? { title: "Choose a repository", properties: ["openDirectory", "createDirectory"] }
          : { title: "Choose a migration spec", properties: ["openFile"], filters: [{ name: "Migration spec", extensions: ["yml", "yaml"] }] };
      const { canceled, filePaths } = await dialog.showOpenDialog(options);
      return canceled ? undefined : filePaths[0];
    },
  };
}
