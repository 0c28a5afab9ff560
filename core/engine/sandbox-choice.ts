import type { SandboxDriver } from "../sandbox/index.ts";

/**
 * Where the engine's sandboxes run: Docker (the default; a driver may be given, else one is
 * connected on first use from DOCKER_HOST) or plain host directories (no isolation: tests and
 * repositories the user trusts).
 */
export type SandboxChoice = { readonly kind: "docker"; readonly driver?: SandboxDriver } | { readonly kind: "host"; readonly root?: string };
