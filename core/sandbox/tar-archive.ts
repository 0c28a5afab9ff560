/**
 * Tar streams in and out of sandboxes: files go in and come out as archives (the Engine API's
 * putArchive/getArchive), never through a host mount, so the same code works against a remote
 * daemon. Entries carry the sandbox user's uid/gid and the files' permission bits.
 */
import { createReadStream } from "node:fs";
import { readdir, readlink, lstat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import tar from "tar-stream";
import type { Header, Pack } from "tar-stream";
import type { DockerIgnore } from "./dockerignore.ts";
import type { IgnoredEntry } from "./ignored-files.ts";
import type { RepoFile } from "./repo-files.ts";

type HeaderArgument = Partial<Header> & Pick<Header, "name">;

/** The numeric owner given to every entry. */
export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/** An in-memory file to archive. */
export interface MemoryEntry {
  readonly path: string;
  readonly content: Buffer;
  readonly mode: number;
}

/** A file read back from an archive. */
export interface ArchivedFile {
  readonly path: string;
  readonly type: "file" | "directory" | "symlink" | "other";
  readonly mode: number;
  readonly content: Buffer;
  readonly linkname?: string;
}

/** The directories that must exist for `paths`, parents first. */
export function parentDirectories(paths: Iterable<string>): string[] {
  const dirs = new Set<string>();
  for (const file of paths) {
    let dir = path.posix.dirname(file);
    while (dir !== "." && dir !== "/" && !dirs.has(dir)) {
      dirs.add(dir);
      dir = path.posix.dirname(dir);
    }
  }
  return [...dirs].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}

/** A tar stream of a repository's working-tree files (with their parent directories), read from disk as it is consumed. */
export function packRepoFiles(files: readonly RepoFile[], owner: Owner): Readable {
  const pack = tar.pack();
  void (async () => {
    try {
      const now = new Date();
      for (const dir of parentDirectories(files.map((f) => f.path))) {
        await addEntry(pack, { name: `${dir}/`, type: "directory", mode: 0o755, mtime: now, ...owner });
      }
      for (const file of files) {
        if (file.kind === "symlink") {
          const linkname = await readlink(file.absolutePath);
          await addEntry(pack, { name: file.path, type: "symlink", linkname, mode: 0o777, mtime: file.mtime, ...owner });
        } else {
          await addStreamEntry(pack, { name: file.path, type: "file", size: file.size, mode: file.mode, mtime: file.mtime, ...owner }, file.absolutePath);
        }
      }
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
    }
  })();
  return Readable.from(pack);
}

/** A tar stream of ignored entries listed by listIgnoredFiles (directories, files and links as listed), read from disk as it is consumed. */
export function packIgnoredEntries(entries: readonly IgnoredEntry[], owner: Owner): Readable {
  const pack = tar.pack();
  void (async () => {
    try {
      const listed = new Set(entries.filter((entry) => entry.kind === "directory").map((entry) => entry.path));
      const now = new Date();
      for (const dir of parentDirectories(entries.map((entry) => entry.path))) {
        if (!listed.has(dir)) await addEntry(pack, { name: `${dir}/`, type: "directory", mode: 0o755, mtime: now, ...owner });
      }
      for (const entry of entries) {
        if (entry.kind === "directory") await addEntry(pack, { name: `${entry.path}/`, type: "directory", mode: entry.mode, mtime: entry.mtime, ...owner });
        else if (entry.kind === "symlink") await addEntry(pack, { name: entry.path, type: "symlink", linkname: entry.linkname, mode: 0o777, mtime: entry.mtime, ...owner });
        else await addStreamEntry(pack, { name: entry.path, type: "file", size: entry.size, mode: entry.mode, mtime: entry.mtime, ...owner }, entry.absolutePath);
      }
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
    }
  })();
  return Readable.from(pack);
}

/** A tar stream of in-memory files, with entries for their parent directories. */
export function packMemoryEntries(entries: readonly MemoryEntry[], owner: Owner): Readable {
  const pack = tar.pack();
  const now = new Date();
  for (const dir of parentDirectories(entries.map((e) => e.path))) {
    pack.entry({ name: `${dir}/`, type: "directory", mode: 0o755, mtime: now, ...owner });
  }
  for (const entry of entries) {
    pack.entry({ name: entry.path, type: "file", mode: entry.mode, size: entry.content.length, mtime: now, ...owner }, entry.content);
  }
  pack.finalize();
  return Readable.from(pack);
}

/** What {@link packDirectory} leaves out. */
export interface PackDirectoryOptions {
  /** Paths (files or directories) it excludes, e.g. a parsed `.dockerignore`. */
  readonly ignore?: DockerIgnore;
  /** Files sent even when `ignore` excludes them (Docker always sends the Dockerfile and `.dockerignore`). */
  readonly keep?: readonly string[];
}

/** A tar stream of a host directory (a Docker build context), leaving out `.git` and what `options.ignore` excludes. */
export function packDirectory(root: string, options: PackDirectoryOptions = {}): Readable {
  const { ignore } = options;
  const keep = new Set(options.keep ?? []);
  const left = (name: string) => ignore !== undefined && !keep.has(name) && ignore.excludes(name);
  const pack = tar.pack();
  void (async () => {
    try {
      const walk = async (relative: string): Promise<void> => {
        const entries = await readdir(path.join(root, relative), { withFileTypes: true });
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
          if (entry.name === ".git") continue;
          const name = relative ? `${relative}/${entry.name}` : entry.name;
          const absolute = path.join(root, name);
          const info = await lstat(absolute);
          if (info.isDirectory()) {
            const excluded = left(name);
            // an excluded folder is walked only when a `!` line may bring something below it back
            if (excluded && !ignore?.hasExceptions && ![...keep].some((kept) => kept.startsWith(`${name}/`))) continue;
            if (!excluded) await addEntry(pack, { name: `${name}/`, type: "directory", mode: info.mode & 0o777, mtime: info.mtime });
            await walk(name);
          } else if (left(name)) {
            continue;
          } else if (info.isSymbolicLink()) {
            await addEntry(pack, { name, type: "symlink", linkname: await readlink(absolute), mtime: info.mtime });
          } else if (info.isFile()) {
            await addStreamEntry(pack, { name, type: "file", size: info.size, mode: info.mode & 0o777, mtime: info.mtime }, absolute);
          }
        }
      };
      await walk("");
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
    }
  })();
  return Readable.from(pack);
}

/** Reads every entry of a tar stream into memory (for the small archives of single files). */
export async function readArchive(stream: NodeJS.ReadableStream): Promise<ArchivedFile[]> {
  const extract = tar.extract();
  (stream as Readable).pipe(extract);
  const files: ArchivedFile[] = [];
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const { name, type, mode, linkname } = entry.header;
    files.push({
      path: name.replace(/\/$/, ""),
      type: type === "file" || type === "directory" || type === "symlink" ? type : "other",
      mode: (mode ?? 0) & 0o7777,
      content: Buffer.concat(chunks),
      ...(linkname ? { linkname } : {}),
    });
  }
  return files;
}

function addEntry(pack: Pack, header: HeaderArgument): Promise<void> {
  return new Promise((resolve, reject) => pack.entry(header, (error) => (error ? reject(error) : resolve())));
}

function addStreamEntry(pack: Pack, header: HeaderArgument, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sink = pack.entry(header, (error) => (error ? reject(error) : resolve()));
    const source = createReadStream(file);
    source.on("error", reject);
    source.pipe(sink);
  });
}
