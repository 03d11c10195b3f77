// A destructive action that asks first: the first click shows "Are you sure?" with confirm/cancel (focus on Cancel, as
// in the confirmation dialogs); Escape or Cancel goes back, with focus returned to the action's button.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmButton({ label, question, onConfirm, pending }: { label: ReactNode; question: string; onConfirm(): void; pending?: boolean }) {
  const { t } = useTranslation('oauth');
  const [asking, setAsking] = useState(false);
  const actionRef = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (asking || !cancelled.current) return;
    cancelled.current = false;
    actionRef.current?.focus();
  }, [asking]);
  const cancel = () => {
    cancelled.current = true;
    setAsking(false);
  };
  if (!asking) {
    return (
      <button
        ref={actionRef}
        type="button"
        onClick={() => setAsking(true)}
        className="rounded-md border border-red-200 bg-white px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-500"
      >
        {label}
      </button>
    );
  }
  return (
    <span
      role="group"
      className="inline-flex flex-wrap items-center gap-2"
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <span className="text-xs text-slate-700">{question}</span>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
        className="rounded-md bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-700 focus:outline-none focus:ring-2 focus:ring-red-500 disabled:opacity-50"
      >
        {t('common.confirm')}
      </button>
      <button
        type="button"
        autoFocus
        onClick={cancel}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500"
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
