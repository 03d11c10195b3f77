// Placeholder until the OAuth work fills it in.
export function OAuthGrantsSection() {
  return null;
}
