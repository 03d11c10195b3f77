// Who must use two-factor sign-in: the administrator's choices (shared by the server and the Admin → Security page).
export const TWO_FACTOR_POLICIES = ['nobody', 'admins', 'everyone'] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];
