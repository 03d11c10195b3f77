// The browser's typed tRPC client, wired into react-query.
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from '~/trpc/root';
import { translateError, type ErrorText, type Translate } from './error-text';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Set by the realtime client once connected, so our own changes are not echoed back to us. */
export const realtimeSocket: { id?: string } = {};

export function TrpcProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const [client] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: '/api/trpc',
          headers: () => (realtimeSocket.id ? { 'x-pusher-socket-id': realtimeSocket.id } : {}),
        }),
      ],
    }),
  );
  return (
    <TRPCProvider trpcClient={client} queryClient={queryClient}>
      {children}
    </TRPCProvider>
  );
}

/**
 * Mutation options for the common "done: close the dialog (or clear the form), then reload" —
 * `trpc.x.deleteY.mutationOptions(thenRefresh(() => setToDelete(null), refresh))`.
 */
export const thenRefresh = (then: () => void, refresh: () => Promise<unknown>) => ({
  onSuccess: async () => {
    then();
    await refresh();
  },
});

/** The message to show for a failed call, in the user's language when the server sent an i18n key. */
export function errorMessage(error: unknown, t: Translate) {
  if (error instanceof TRPCClientError) {
    const i18n = (error.data as { i18n?: ErrorText['i18n'] } | undefined)?.i18n;
    return translateError({ i18n, message: error.message }, t);
  }
  return t('common:error.generic', { defaultValue: 'Something went wrong. Please try again.' });
}
