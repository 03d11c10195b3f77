// Placeholder until the OAuth work fills it in.
export function OAuthClientsSection() {
  return null;
}
