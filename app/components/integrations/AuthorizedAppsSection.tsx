// Placeholder until the OAuth work fills it in.
export function AuthorizedAppsSection() {
  return null;
}
