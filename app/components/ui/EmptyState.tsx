// EmptyState: what a list shows when it has nothing yet — a title, a hint and an optional call to action.
//   <EmptyState title="No trips yet" description="Plan your first one." icon="✈" action={<Button …/>} />
import type { ReactNode } from 'react';

export function EmptyState({
  title,
  description,
  icon,
  action,
  testId,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="flex flex-col items-center justify-center rounded-lg border-2 border-dashed border-slate-200 px-6 py-12 text-center"
    >
      {icon && (
        <div aria-hidden className="mb-3 text-4xl text-slate-400">
          {icon}
        </div>
      )}
      <h2 className="text-lg font-semibold text-slate-800">{title}</h2>
      {description && <div className="mt-1 max-w-md text-sm text-slate-500">{description}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
