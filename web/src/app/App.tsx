import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { AuthSession } from '../auth/auth-session';
import { AuthContext } from '../auth/use-auth';
import type { AppConfig } from '../config/app-config';
import { ConfigContext } from '../config/use-config';
import { I18nProvider } from '../i18n/i18n-context';
import type { AppRouter } from './router';

export interface AppProps {
  config: AppConfig;
  auth: AuthSession;
  queryClient: QueryClient;
  router: AppRouter;
}

/** Every app-wide service, provided once; the router renders the pages. */
export function App({ config, auth, queryClient, router }: AppProps) {
  // When the session ends (sign-out, or the API refused the token), re-run the route guards.
  useEffect(
    () =>
      auth.subscribe(() => {
        if (!auth.isSignedIn) void router.invalidate();
      }),
    [auth, router],
  );

  return (
    <ConfigContext.Provider value={config}>
      <I18nProvider defaultLocale={config.locale} timeZone={config.timeZone}>
        <AuthContext.Provider value={auth}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AuthContext.Provider>
      </I18nProvider>
    </ConfigContext.Provider>
  );
}
