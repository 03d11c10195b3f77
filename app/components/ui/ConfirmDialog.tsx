// ConfirmDialog: asks "are you sure?" before an action, built on Dialog (role=alertdialog).
//   <ConfirmDialog open title="Delete trip?" message="…" confirmLabel="Delete" danger busy? error?
//     onConfirm={…} onCancel={…} cancelLabel? confirmText? />
//   Focus starts on Cancel. With `confirmText`, the user must type that text before Confirm is enabled
//   (for the most destructive actions). `error` shows a failed attempt under the message.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  confirmText?: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger = false,
  busy = false,
  error,
  confirmText,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation('common');
  const inputId = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (!open) setTyped('');
  }, [open]);
  const blocked = confirmText !== undefined && typed.trim() !== confirmText.trim();
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      size="sm"
      role="alertdialog"
      dismissable={!busy}
      testId="confirm-dialog"
      description={message}
      footer={
        <>
          <Button data-autofocus={confirmText === undefined ? true : undefined} onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t('actions.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} disabled={blocked} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {confirmText !== undefined && (
        <div>
          <label htmlFor={inputId} className="block text-sm text-slate-700">
            {t('confirm.typeToConfirm', { text: confirmText })}
          </label>
          <input
            id={inputId}
            data-autofocus
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          />
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </Dialog>
  );
}
