/**
 * What the UI benchmark measures inside the page, as scripts the page runs (strings: the bench is
 * compiled for Node, and the page must not depend on how). Times are the page's own
 * `performance.now()`: milliseconds since its navigation started.
 */

/**
 * Installed before the studio's own scripts: records when the first tree node appears, when a
 * tree node first becomes selected, when each diff view becomes ready for a node, and when
 * `tree/delta` events arrive on the engine's socket (alone or batched) (a passive listener on every WebSocket).
 */
export const probeScript = `(() => {
  const probe = (window.__bench = { firstNodeAt: undefined, selectedAt: undefined, diffReadyAt: {}, deltas: 0, firstDeltaAt: undefined, lastDeltaAt: undefined, socketOpenAt: undefined, largestFrame: undefined });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { if (probe.socketOpenAt === undefined) probe.socketOpenAt = performance.now(); });
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string" && event.data.length > (probe.largestFrame?.chars ?? 0)) probe.largestFrame = { chars: event.data.length, at: performance.now() };
        // a delta comes alone or among others in one "events" frame (counted without parsing the frame again)
        const deltas = typeof event.data !== "string" ? 0 : event.data.startsWith('{"kind":"event","name":"tree/delta"') ? 1 : event.data.startsWith('{"kind":"events"') ? event.data.split('{"name":"tree/delta"').length - 1 : 0;
        if (deltas > 0) {
          const now = performance.now();
          probe.deltas += deltas;
          if (probe.firstDeltaAt === undefined) probe.firstDeltaAt = now;
          probe.lastDeltaAt = now;
        }
      });
    }
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      const target = record.target;
      if (record.type === "childList") {
        if (probe.firstNodeAt === undefined && document.querySelector('[data-testid="tree-node"]')) probe.firstNodeAt = now;
        for (const added of record.addedNodes) if (added.nodeType === 1) noteDiff(added, now);
      } else if (target.nodeType === 1) {
        if (probe.selectedAt === undefined && target.dataset.testid === "tree-node" && target.getAttribute("aria-selected") === "true") probe.selectedAt = now;
        noteDiff(target, now);
      }
    }
  });
  function noteDiff(element, now) {
    const views = element.matches('[data-testid="diff-view"]') ? [element] : element.querySelectorAll('[data-testid="diff-view"]');
    for (const view of views) {
      const id = view.getAttribute("data-node-id");
      if (id && view.getAttribute("data-ready") === "true" && probe.diffReadyAt[id] === undefined) probe.diffReadyAt[id] = now;
    }
  }
  const start = () => observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-selected", "data-ready", "data-node-id"] });
  if (document.documentElement) start();
  else document.addEventListener("readystatechange", start, { once: true });
})()`;

/** Starts recording animation frames (their timestamps) until {@link stopFrames}. */
export const startFrames = `(() => {
  const frames = (window.__benchFrames = []);
  window.__benchFramesOn = true;
  const tick = (time) => {
    frames.push(time);
    if (window.__benchFramesOn) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Records (as `window.__benchShownAt`) when the tree's counts first show `count` nodes. */
export function watchCount(count: number): string {
  return `(() => {
    window.__benchShownAt = undefined;
    const check = () => {
      const text = (document.querySelector('[data-testid="tree-counts"]')?.textContent ?? "").replace(/,/g, "");
      if (window.__benchShownAt === undefined && /(^|\\D)${count} nodes/.test(text)) {
        window.__benchShownAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  })()`;
}

/** Stops recording frames; returns their timestamps. */
export const stopFrames = `(() => {
  window.__benchFramesOn = false;
  return window.__benchFrames;
})()`;

/** The probe's record (see {@link probeScript}). */
export interface ProbeRecord {
  firstNodeAt?: number;
  selectedAt?: number;
  diffReadyAt: Record<string, number>;
  deltas: number;
  firstDeltaAt?: number;
  lastDeltaAt?: number;
  /** When the engine's socket opened. */
  socketOpenAt?: number;
  /** The largest frame received (the tree/get answer, on a large tree) and when it arrived. */
  largestFrame?: { chars: number; at: number };
}

/** Reads the probe's record. */
export const readProbe = "JSON.parse(JSON.stringify(window.__bench))";

/** Frames per second over a time window, from frame timestamps: frame intervals that end inside it. */
export function framesPerSecond(frames: readonly number[], from: number, to: number): { fps: number; worstFrameMs: number; frames: number } {
  const inside = frames.filter((time) => time >= from && time <= to);
  let worst = 0;
  for (let k = 1; k < frames.length; k++) {
    if (frames[k]! < from || frames[k - 1]! > to) continue;
    worst = Math.max(worst, frames[k]! - frames[k - 1]!);
  }
  // the window's first frame may come late: count from the window's start, not the first frame in it
  return { fps: inside.length / Math.max(1e-9, (to - from) / 1000), worstFrameMs: worst, frames: inside.length };
}
