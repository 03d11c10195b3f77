// The platform's procedures (the signed-in user's account, administration, API tokens, OAuth clients). They are not
// trip features, but they are registered like areas so the app router is built from one list.
export { accountRouter } from '~/trpc/routers/account';
export { adminRouter } from '~/trpc/routers/admin';
export { apiTokensRouter } from '~/trpc/routers/apiTokens';
export { oauthClientsRouter } from '~/trpc/routers/oauthClients';
