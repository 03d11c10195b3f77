-- Single sign-on step-up before deleting an account (decision 041): an OIDC round trip can be a sign-in or a
-- re-authentication of the session that started it; a successful re-authentication is a short-lived proof on the session.
ALTER TABLE "OidcLoginState" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'login';
ALTER TABLE "OidcLoginState" ADD COLUMN "sessionId" TEXT;

ALTER TABLE "Session" ADD COLUMN "reauthenticatedAt" TIMESTAMP(3);
