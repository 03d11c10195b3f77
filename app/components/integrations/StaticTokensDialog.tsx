// The copy button of the static-token panel: copies the new token and says so for two seconds.
import { useEffect, useState } from 'react';

/** A button that copies text and says so for two seconds. */
export function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useStateTimeout();
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied());
      }}
      className="shrink-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500"
      aria-live="polite"
    >
      {copied ? copiedLabel : label}
    </button>
  );
}


function useStateTimeout(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!on) return;
    const id = setTimeout(() => setOn(false), 2000);
    return () => clearTimeout(id);
  }, [on]);
  return [on, () => setOn(true)];
}
