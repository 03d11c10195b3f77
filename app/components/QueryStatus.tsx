// Loading, error and empty states of a react-query list, shown the same way everywhere; renders children once there is data.
import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { errorMessage } from "~/utils/trpc";

interface Props {
  query: { isLoading: boolean; error: unknown };
  t: TFunction;
  loadingText: string;
  emptyText: string;
  isEmpty: boolean;
  /** Said before the error message ("Could not load the tokens."). */
  errorPrefix?: string;
  children: ReactNode;
}

export function QueryStatus({
  query,
  t,
  loadingText,
  emptyText,
  isEmpty,
  errorPrefix,
  children,
}: Props) {
  if (query.isLoading) {
    return (
      <p className="text-sm text-slate-500" role="status">
        {loadingText}
      </p>
    );
  }
  if (query.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {errorPrefix ? `${errorPrefix} ` : null}
        {errorMessage(query.error, t)}
      </p>
    );
  }
  if (isEmpty) return <p className="text-sm text-slate-500">{emptyText}</p>;
  return <>{children}</>;
}
