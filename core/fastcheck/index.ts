/** The fast tier of checks: a warm type-checker per repository state that judges overlays in memory. */
export type { AgentHello, FastCheckDiagnostic, FastCheckInfraReason, FastCheckResult, FastCheckUnavailableReason } from "./fast-check-result.ts";
export type { FastChecker, FastCheckerEvent, FastCheckerOptions, FastCheckerStart, FastCheckOptions } from "./fast-checker.ts";
export { createFastChecker } from "./fast-checker.ts";
export type { AgentConnection, AgentExit, AgentTransport } from "./agent-transport.ts";
export { AgentTransportError } from "./agent-transport.ts";
export type { LocalAgentOptions } from "./local-agent-transport.ts";
export { createLocalAgentTransport } from "./local-agent-transport.ts";
export type { SandboxAgentOptions } from "./sandbox-agent-transport.ts";
export { createSandboxAgentTransport, sandboxAgentPath } from "./sandbox-agent-transport.ts";
export { typecheckAgentPath } from "./typecheck-agent-path.ts";
export { FastCheckDiagnosticSchema } from "./agent-protocol.ts";
