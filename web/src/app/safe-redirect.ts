/** Only same-app paths may be redirected to after sign-in (never another origin). */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value.startsWith('/signin') ? undefined : value;
}
