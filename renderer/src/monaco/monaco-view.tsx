/** Puts an element that lives outside React (a Monaco editor's) into the page while this view is mounted. */
import { useLayoutEffect, useRef } from "react";

/** Appends `element` into this view's box on mount, takes it out on unmount; the editor survives. */
export function MonacoView({ element, className }: { element: HTMLElement | undefined; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const parent = box.current;
    if (!parent || !element) return;
    parent.appendChild(element);
    return () => {
      if (element.parentElement === parent) parent.removeChild(element);
    };
  }, [element]);
  return <div ref={box} className={className ?? "monaco-box"} />;
}
