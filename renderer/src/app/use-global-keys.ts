/** The studio's keys outside editors: Escape closes a dialog, a panel or the comparison; Ctrl+, opens Settings. */
import { useEffect } from "react";
import { compareWith } from "../inspector/selection-actions.ts";
import { useStudio } from "../store/studio-store.ts";

/** See the module comment. */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const state = useStudio.getState();
      if (event.key === "Escape") {
        if (state.confirmation) useStudio.setState({ confirmation: undefined });
        else if (state.panel) useStudio.setState({ panel: undefined });
        else if (state.mode === "compare") compareWith(undefined);
        else return;
        event.preventDefault();
      } else if ((event.ctrlKey || event.metaKey) && event.key === ",") {
        useStudio.setState({ panel: state.panel === "settings" ? undefined : "settings" });
        event.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
