/** Finds the numeric uid/gid of an image's user, so files written into its sandboxes belong to that user. */
import type { Owner } from "../tar-archive.ts";
import { readArchive } from "../tar-archive.ts";
import type { DockerClient } from "./docker-client.ts";

/** Resolves `user` (`name`, `uid`, `name:group` or `uid:gid`; empty = root) against the container's /etc/passwd and /etc/group. */
export async function resolveImageUser(client: DockerClient, containerId: string, user: string): Promise<Owner> {
  const [userPart = "", groupPart] = user.split(":");
  if (userPart === "" || userPart === "root") return { uid: 0, gid: groupPart ? await groupId(client, containerId, groupPart) : 0 };
  const passwd = await readEtc(client, containerId, "passwd");
  const entry = passwd.find((fields) => fields[0] === userPart || fields[2] === userPart);
  const uid = entry ? Number(entry[2]) : Number(userPart);
  if (!Number.isInteger(uid)) throw new Error(`the image's user ${user} is not in its /etc/passwd`);
  const gid = groupPart !== undefined ? await groupId(client, containerId, groupPart) : Number(entry?.[3] ?? uid);
  return { uid, gid };
}

/** Parses /etc/passwd-style text into fields per line. */
export function parseEtc(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split(":"));
}

async function groupId(client: DockerClient, containerId: string, group: string): Promise<number> {
  if (/^\d+$/.test(group)) return Number(group);
  const entry = (await readEtc(client, containerId, "group")).find((fields) => fields[0] === group);
  if (!entry) throw new Error(`the image's group ${group} is not in its /etc/group`);
  return Number(entry[2]);
}

async function readEtc(client: DockerClient, containerId: string, file: "passwd" | "group"): Promise<string[][]> {
  try {
    const stream = await client.call((api) => api.getContainer(containerId).getArchive({ path: `/etc/${file}` }));
    const [entry] = await readArchive(stream);
    return parseEtc(entry?.content.toString("utf8") ?? "");
  } catch {
    return [];
  }
}
