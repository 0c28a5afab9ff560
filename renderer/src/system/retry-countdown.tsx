/** "retrying in 3s", counting down each second, then "retrying now". */
import { useEffect, useState } from "react";
import { formatDuration } from "../ui/format.ts";

/** See the module comment; `at` is the epoch-ms time of the next attempt. */
export function RetryCountdown({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  const left = at - now;
  return <span>{left > 500 ? `retrying in ${formatDuration(Math.ceil(left / 1000) * 1000)}` : "retrying now"}</span>;
}
