// Dialog: the accessible modal every Waymark dialog is built on.
//   <Dialog open onClose={…} title="Edit trip" footer={<Button …/>} size="sm|md|lg" role="dialog|alertdialog">…</Dialog>
//   - role=dialog (or alertdialog), aria-modal, labelled by its title (and described by `description` when given).
//   - Escape and a click on the backdrop call onClose (pass `dismissable={false}` to ignore both while busy).
//   - Focus moves into the dialog (the element with `data-autofocus`, else the first field, else the panel), Tab is
//     trapped inside, and focus returns to where it was when the dialog closes. Nested dialogs: only the top one reacts.
//   - For a form, give the <form> an id and put the submit button in `footer` with form="that-id".
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open dialogs, innermost last: only the last one handles Escape and traps Tab. */
const openStack: string[] = [];

const WIDTHS = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  description?: ReactNode;
  size?: keyof typeof WIDTHS;
  role?: 'dialog' | 'alertdialog';
  dismissable?: boolean;
  testId?: string;
}

export function Dialog(props: DialogProps) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!props.open || !mounted) return null;
  return createPortal(<DialogPanel {...props} />, document.body);
}

function DialogPanel({
  onClose,
  title,
  children,
  footer,
  description,
  size = 'md',
  role = 'dialog',
  dismissable = true,
  testId,
}: DialogProps) {
  const { t } = useTranslation('common');
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const panelRef = useRef<HTMLDivElement>(null);
  // Latest handlers, so listeners are attached once and focus is not moved on every render.
  const latest = useRef({ onClose, dismissable });
  latest.current = { onClose, dismissable };

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    openStack.push(id);
    // The page behind does not scroll while a dialog is open.
    if (openStack.length === 1) document.body.style.overflow = 'hidden';
    const panel = panelRef.current;
    const initial =
      panel?.querySelector<HTMLElement>('[data-autofocus]') ??
      panel?.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea, select') ??
      panel;
    initial?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (openStack[openStack.length - 1] !== id || !panel) return;
      if (event.key === 'Escape') {
        event.stopPropagation();
        if (latest.current.dismissable) latest.current.onClose();
      } else if (event.key === 'Tab') {
        const items = Array.from(panel.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
        if (items.length === 0) {
          event.preventDefault();
          panel.focus();
          return;
        }
        const first = items[0];
        const last = items[items.length - 1];
        const active = document.activeElement;
        if (event.shiftKey && (active === first || !panel.contains(active))) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      const at = openStack.lastIndexOf(id);
      if (at >= 0) openStack.splice(at, 1);
      if (openStack.length === 0) document.body.style.overflow = '';
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
  }, [id]);

  return (
    <div
      className="fixed inset-0 z-50 flex items-end justify-center overflow-y-auto bg-slate-900/40 p-4 sm:items-center"
      role="presentation"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && latest.current.dismissable) latest.current.onClose();
      }}
    >
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        data-testid={testId}
        className={`flex max-h-[calc(100vh-2rem)] w-full flex-col rounded-lg bg-white shadow-xl focus:outline-none ${WIDTHS[size]}`}
      >
        <div className="flex items-start gap-3 border-b border-slate-100 px-5 py-4">
          <h2 id={titleId} className="flex-1 text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => latest.current.dismissable && onClose()}
            aria-label={t('actions.close')}
            className="-me-2 rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
          >
            <span aria-hidden>✕</span>
          </button>
        </div>
        <div className="overflow-y-auto px-5 py-4">
          {description && (
            <div id={descriptionId} className="mb-3 text-sm text-slate-600">
              {description}
            </div>
          )}
          {children}
        </div>
        {footer && (
          <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 px-5 py-3">{footer}</div>
        )}
      </div>
    </div>
  );
}
