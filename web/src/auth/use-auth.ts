import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AuthSession, AuthState } from './auth-session';

export const AuthContext = createContext<AuthSession | null>(null);

export function useAuthSession(): AuthSession {
  const session = useContext(AuthContext);
  if (!session) throw new Error('useAuthSession needs <AuthContext.Provider>');
  return session;
}

/** The sign-in state, re-rendering on sign-in and sign-out. */
export function useAuthState(): AuthState {
  const session = useAuthSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}
