// A small modal confirmation used before deleting a static token (settings and admin pages). Escape or Cancel closes.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function StaticTokensConfirmDialog(props: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" role="presentation" onClick={props.onCancel}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="static-token-dialog-title"
        className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="static-token-dialog-title" className="text-lg font-semibold text-slate-900">
          {props.title}
        </h2>
        <div className="mt-2 text-sm text-slate-600">{props.body}</div>
        <div className="mt-5 flex justify-end gap-2">
          <button
            ref={cancelRef}
            type="button"
            onClick={props.onCancel}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            {props.cancelLabel}
          </button>
          <button
            type="button"
            disabled={props.busy}
            onClick={props.onConfirm}
            className="rounded-md bg-red-600 px-3 py-2 text-sm font-medium text-white hover:bg-red-700 focus:outline-none focus:ring-2 focus:ring-red-500 disabled:opacity-60"
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

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
