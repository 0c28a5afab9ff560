/** Where the type-check agent's source lives on the host (it is copied into sandboxes from here). */
import { fileURLToPath } from "node:url";

/** Absolute host path of containers/agents/typecheck-agent.mjs. */
export const typecheckAgentPath = fileURLToPath(new URL("../../containers/agents/typecheck-agent.mjs", import.meta.url));
