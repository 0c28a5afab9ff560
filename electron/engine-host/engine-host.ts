/** Entry point of the engine process (bundled to dist/electron/engine-host.cjs); see run-engine-host.ts. */
import { connectToMain } from "./main-channel.ts";
import { runEngineHost } from "./run-engine-host.ts";

const channel = connectToMain();
if (!channel) {
  process.stderr.write("forklift engine: this process is started by the studio's main process; run `npm start` instead\n");
  process.exit(2);
}
runEngineHost(channel, { exit: (code) => process.exit(code) });
