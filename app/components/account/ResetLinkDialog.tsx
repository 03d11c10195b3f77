// The reset link an admin made for someone (Admin → Users → "Create reset link"), shown once with a copy button.
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/ui/Button';
import { Dialog } from '~/components/ui/Dialog';
import { CopyButton } from '~/components/oauth/CopyButton';

export function ResetLinkDialog({ name, email, url, minutes, onClose }: { name: string; email: string; url: string | null; minutes: number; onClose(): void }) {
  const { t } = useTranslation('account');
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('admin.linkTitle', { name })}
      testId="reset-link-dialog"
      footer={
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {t('admin.close')}
        </Button>
      }
    >
      {url ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{t('admin.linkBody', { email, minutes })}</p>
          <label htmlFor="reset-link-url" className="block text-sm font-medium text-slate-700">
            {t('admin.linkLabel')}
          </label>
          <div className="flex items-center gap-2">
            <input
              id="reset-link-url"
              readOnly
              value={url}
              dir="ltr"
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
            />
            <CopyButton value={url} label={t('admin.copy')} />
          </div>
        </div>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {t('admin.failed')}
        </p>
      )}
    </Dialog>
  );
}
