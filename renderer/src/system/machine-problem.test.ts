import { describe, expect, it } from "vitest";
import type { SystemStatus } from "../../../shared/protocol/system-status.ts";
import { machineProblem } from "./machine-problem.ts";

const ready: SystemStatus = {
  docker: { state: "ready", endpoint: "unix:///var/run/docker.sock" },
  baseImage: { name: "forklift/node-base:20", state: "present" },
  llm: { state: "not-configured" },
  storePath: "/tmp/forklift.db",
  version: "0.1.0",
};

describe("machineProblem", () => {
  it("is nothing when Docker answers and the image is there (an LLM is optional)", () => {
    expect(machineProblem(ready)).toBeUndefined();
  });

  it("names Docker's problem first, with the engine's remedy", () => {
    const problem = machineProblem({ ...ready, docker: { state: "not-running", message: "start Docker Desktop or dockerd" }, baseImage: { name: "x", state: "unknown" } });
    expect(problem).toEqual({ code: "docker-not-running", title: "Docker is not running", message: "start Docker Desktop or dockerd" });
  });

  it("then a missing base image, telling how to build it", () => {
    const problem = machineProblem({ ...ready, baseImage: { name: "forklift/node-base:20", state: "missing" } });
    expect(problem?.code).toBe("image-missing");
    expect(problem?.message).toMatch(/npm run build:base-image/);
  });
});
