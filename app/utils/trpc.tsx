// The browser's typed tRPC client, wired into react-query.
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from '~/trpc/root';

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

/** The message to show for a failed call, in the user's language when the server sent an i18n key. */
export function errorMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string) {
  if (error instanceof TRPCClientError) {
    const i18n = (error.data as { i18n?: { key: string; params: Record<string, unknown> } } | undefined)?.i18n;
    if (i18n) {
      const [ns, ...rest] = i18n.key.split('.');
      const params: Record<string, unknown> = { ...i18n.params };
      // The kind of object ("Day note") is sent in English; show it in the user's language.
      if (typeof params.thing === 'string') params.what = t(`errors:things.${params.thing}`, { defaultValue: params.what });
      return t(`${ns}:${rest.join('.')}`, { ...params, defaultValue: error.message });
    }
    return error.message;
  }
  return t('common:error.generic', { defaultValue: 'Something went wrong. Please try again.' });
}
