import { describe, expect, it } from "vitest";
import { ForkliftError } from "../../../shared/errors.ts";
import { describeEndpoint, dockerOptions, parseDockerEndpoint } from "./docker-endpoint.ts";

describe("parseDockerEndpoint", () => {
  it("defaults to the local socket", () => {
    expect(parseDockerEndpoint({})).toEqual({ kind: "unix", socketPath: "/var/run/docker.sock" });
    expect(parseDockerEndpoint({ DOCKER_HOST: "unix:///tmp/d.sock" })).toEqual({ kind: "unix", socketPath: "/tmp/d.sock" });
  });

  it("reads tcp, with TLS from DOCKER_TLS_VERIFY or port 2376", () => {
    expect(parseDockerEndpoint({ DOCKER_HOST: "tcp://10.0.0.5:2375" })).toEqual({ kind: "tcp", host: "10.0.0.5", port: 2375, tls: false });
    expect(parseDockerEndpoint({ DOCKER_HOST: "tcp://box:2376" })).toMatchObject({ tls: true });
    expect(parseDockerEndpoint({ DOCKER_HOST: "tcp://box:1234", DOCKER_TLS_VERIFY: "1" })).toMatchObject({ tls: true });
    expect(parseDockerEndpoint({ DOCKER_HOST: "box:1234" })).toMatchObject({ kind: "tcp", host: "box", port: 1234 });
  });

  it("reads ssh with user and port", () => {
    const endpoint = parseDockerEndpoint({ DOCKER_HOST: "ssh://build@runner-3:2222" });
    expect(endpoint).toEqual({ kind: "ssh", host: "runner-3", port: 2222, username: "build" });
    expect(describeEndpoint(endpoint)).toBe("ssh://build@runner-3:2222");
    expect(dockerOptions(endpoint, { SSH_AUTH_SOCK: "/run/agent" })).toMatchObject({ protocol: "ssh", username: "build", sshOptions: { agent: "/run/agent" } });
  });

  it("rejects schemes it cannot use", () => {
    expect(() => parseDockerEndpoint({ DOCKER_HOST: "fd://" })).toThrow(ForkliftError);
  });

  it("sets every connection field so a DOCKER_HOST in process.env cannot override it", () => {
    const options = dockerOptions({ kind: "unix", socketPath: "/x.sock" }, {});
    expect(options).toHaveProperty("host", undefined);
    expect(options).toHaveProperty("socketPath", "/x.sock");
  });
});

describe("connectionError", async () => {
  const { connectionError } = await import("./docker-errors.ts");
  // EACCES on the socket cannot be caused as root (the test user here): a synthetic error, named as such.
  const syntheticEacces = Object.assign(new Error("connect EACCES /var/run/docker.sock"), { code: "EACCES" });

  it("says how to get permission on the socket", () => {
    const error = connectionError(syntheticEacces, { kind: "unix", socketPath: "/var/run/docker.sock" }, {});
    expect(error?.code).toBe("docker-permission-denied");
    expect(error?.message).toMatch(/add your user to the docker group/);
  });

  it("leaves API errors alone", () => {
    expect(connectionError(Object.assign(new Error("no such image"), { statusCode: 404 }), { kind: "unix", socketPath: "/x" }, {})).toBeUndefined();
  });
});
