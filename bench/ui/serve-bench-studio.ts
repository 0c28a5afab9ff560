/** The browser host's own server (core/hosts/web) serving the built renderer, with the synthetic engine behind its WebSocket. */
import { startWebHost } from "../../core/hosts/web/web-host.ts";
import type { SyntheticEngine } from "./synthetic-engine.ts";

/** A running studio for the benchmark: the URL to open (with its token) and how to stop it. */
export interface BenchStudio {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `rendererDir` and the synthetic engine exactly as `forklift studio` serves the real one. */
export async function serveBenchStudio(engine: SyntheticEngine, rendererDir: string): Promise<BenchStudio> {
  const host = await startWebHost({ engine, rendererDir });
  return { url: host.url, close: () => host.close() };
}
