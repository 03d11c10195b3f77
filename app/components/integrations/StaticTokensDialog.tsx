// Pieces of the static-token panels (Settings → Integrations, Admin → MCP access): the delete confirmation and the
// copy button for a new token.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '~/components/ui/ConfirmDialog';

/** Asks before deleting a static token; open while `token` is set. */
export function DeleteTokenDialog({
  token,
  busy,
  onCancel,
  onConfirm,
}: {
  token: { id: number; name: string } | null;
  busy: boolean;
  onCancel(): void;
  onConfirm(tokenId: number): void;
}) {
  const { t } = useTranslation('integrations');
  return (
    <ConfirmDialog
      open={token !== null}
      title={t('tokens.deleteTitle')}
      message={t('tokens.deleteBody', { name: token?.name ?? '' })}
      confirmLabel={t('tokens.confirmDelete')}
      cancelLabel={t('tokens.cancel')}
      danger
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => token && onConfirm(token.id)}
    />
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
