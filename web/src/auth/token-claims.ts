/** The signed-in person as the ID token describes them (read for display only; the API verifies it). */
export interface SignedInUser {
  id: string;
  email?: string;
  name?: string;
  roles: string[];
}

export function userFromIdToken(idToken: string): SignedInUser {
  const claims = decodePayload(idToken);
  const text = (key: string): string | undefined => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined);
  const groups = claims['cognito:groups'];
  return {
    id: text('sub') ?? '',
    ...(text('email') ? { email: text('email') } : {}),
    ...(text('name') ? { name: text('name') } : {}),
    roles: Array.isArray(groups) ? groups.map(String) : [],
  };
}

function decodePayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
