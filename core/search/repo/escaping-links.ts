import { linkStaysInside } from "../../patches/index.ts";
import { runGit } from "./run-git.ts";

/** A committed symlink whose target is outside the repository. */
export interface EscapingLink {
  readonly path: string;
  readonly target: string;
}

/**
 * The symlinks committed at `commit` that lead out of the repository (absolute, or climbing
 * above the root). They are not copied into sandboxes (Docker refuses such a link, and it could
 * only point at the sandbox's own files), so the session starts by saying so.
 */
export async function escapingLinks(repoPath: string, commit: string): Promise<EscapingLink[]> {
  const listing = (await runGit(repoPath, ["ls-tree", "-r", "-z", "--full-tree", commit])).toString("utf8").split("\0").filter(Boolean);
  const links = listing.flatMap((line) => {
    const tab = line.indexOf("\t");
    const [mode, , id] = line.slice(0, tab).split(" ");
    return mode === "120000" && id ? [{ path: line.slice(tab + 1), id }] : [];
  });
  if (links.length === 0) return [];
  const targets = await runGit(repoPath, ["cat-file", "--batch"], { input: links.map((link) => `${link.id}\n`).join("") });
  const escaping: EscapingLink[] = [];
  let at = 0;
  for (const link of links) {
    const headerEnd = targets.indexOf(10, at);
    const size = Number(targets.subarray(at, headerEnd).toString("utf8").split(" ")[2]);
    const target = targets.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8");
    at = headerEnd + 1 + size + 1;
    if (!linkStaysInside(link.path, target)) escaping.push({ path: link.path, target });
  }
  return escaping;
}
