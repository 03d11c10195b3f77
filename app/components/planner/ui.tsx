// Small building blocks the planner shares: compact button and input styles, an error line, and
// the shared UI kit's dialogs with the planner's defaults.
import type { ReactNode } from 'react';
import { buttonClasses, ConfirmDialog as SharedConfirmDialog, type ConfirmDialogProps } from '~/components/ui';

/** The kit's button styles, plus the planner's compact ghost and icon-only buttons. */
export const btn = {
  primary: buttonClasses('primary'),
  secondary: buttonClasses('secondary'),
  danger: buttonClasses('danger'),
  ghost:
    'inline-flex items-center justify-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-40',
  icon: 'inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-30 disabled:hover:bg-transparent',
};

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/40';

export function ErrorText({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {children}
    </p>
  );
}

/** The shared confirmation dialog, always for a destructive action here. */
export function ConfirmDialog(props: Omit<ConfirmDialogProps, 'danger'>) {
  return <SharedConfirmDialog {...props} danger />;
}
