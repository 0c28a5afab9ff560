import { describe, expect, it } from "vitest";
import { groupSandboxes } from "./group-sandboxes.ts";

describe("groupSandboxes", () => {
  it("groups checkpoints and containers by session, biggest first, and marks live groups", () => {
    const groups = groupSandboxes({
      checkpoints: [
        { imageId: "i1", sessionId: "a", nodeId: "n1", sizeBytes: 100, createdAt: 1, live: false },
        { imageId: "i2", sessionId: "b", nodeId: "n2", sizeBytes: 500, createdAt: 2, live: true },
        { imageId: "i3", sessionId: "a", nodeId: "n3", sizeBytes: 50, createdAt: 3, live: false },
      ],
      containers: [
        { containerId: "c1", sessionId: "a", role: "fork", state: "running", createdAt: 4, sizeBytes: 10, live: false },
        { containerId: "c2", role: "base", state: "exited", createdAt: 5, live: false },
      ],
      diskBytes: 660,
    });
    expect(groups.map((group) => [group.sessionId, group.bytes, group.live])).toEqual([
      ["b", 500, true],
      ["a", 160, false],
      [undefined, 0, false],
    ]);
    expect(groups[1]?.checkpoints.map((entry) => entry.imageId)).toEqual(["i3", "i1"]);
  });
});
