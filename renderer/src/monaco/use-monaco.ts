/** A hook that gives Monaco once its chunk has loaded (undefined until then). */
import { useEffect, useState } from "react";
import { loadMonaco } from "./load-monaco.ts";
import type { Monaco } from "./load-monaco.ts";

/** See the module comment. */
export function useMonaco(): Monaco | undefined {
  const [monaco, setMonaco] = useState<Monaco>();
  useEffect(() => {
    let live = true;
    void loadMonaco().then((loaded) => {
      if (live) setMonaco(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return monaco;
}
