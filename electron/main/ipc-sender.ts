/**
 * The sender check of every IPC message (checklist item 17): the message must come from the
 * top frame of the studio window's own webContents, showing a page of the app origin. A frame
 * that navigated away, an iframe, another window or a destroyed frame is refused.
 */
import { isAppUrl } from "./app-origin.ts";

/** The part of an IPC event the check reads (Electron's IpcMainEvent / IpcMainInvokeEvent have it). */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number };
  /** Null when the frame navigated or was destroyed after sending. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Whether an IPC message comes from the studio window's top frame on the app origin. */
export function isTrustedSender(event: IpcSenderEvent, studioContentsId: number | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || studioContentsId === undefined) return false;
  return event.sender.id === studioContentsId && frame.parent === null && isAppUrl(frame.url);
}
