/** The files of a diff: added, modified or deleted, one selected; arrow keys move through them. */
import type { FileDiff } from "../../../shared/protocol/contract.ts";

/** A file's change as one letter: A added, D deleted, M modified. */
export function changeKind(file: FileDiff): "A" | "D" | "M" {
  return file.before === null ? "A" : file.after === null ? "D" : "M";
}

/** See the module comment. */
export function FileList({ files, selected, onSelect }: { files: FileDiff[]; selected: string | undefined; onSelect: (path: string) => void }) {
  const move = (step: number) => {
    const at = files.findIndex((file) => file.path === selected);
    const next = files[Math.min(files.length - 1, Math.max(0, at + step))];
    if (next) onSelect(next.path);
  };
  return (
    <div
      className="file-list"
      role="listbox"
      aria-label="Changed files"
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") move(1);
        else if (event.key === "ArrowUp") move(-1);
        else return;
        event.preventDefault();
      }}
    >
      {files.map((file) => {
        const kind = changeKind(file);
        const slash = file.path.lastIndexOf("/");
        return (
          <div
            key={file.path}
            className={`file-item ${file.path === selected ? "selected" : ""}`}
            data-testid="diff-file"
            data-path={file.path}
            role="option"
            aria-selected={file.path === selected}
            title={file.path}
            onClick={() => onSelect(file.path)}
          >
            <span className={`file-kind kind-${kind}`}>{kind}</span>
            <span className="file-name">{file.path.slice(slash + 1)}</span>
            {slash > 0 && <span className="file-dir">{file.path.slice(0, slash)}</span>}
          </div>
        );
      })}
    </div>
  );
}
