import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ApiContext } from '../api/use-api';
import type { CrmApi } from '../api/crm-api';
import type { AuthSession } from '../auth/auth-session';
import { AuthContext } from '../auth/use-auth';
import type { AppConfig } from '../config/app-config';
import { ConfigContext } from '../config/use-config';
import { I18nProvider } from '../i18n/i18n-context';
import type { AppRouter } from './router';

export interface AppProps {
  config: AppConfig;
  auth: AuthSession;
  api: CrmApi;
  queryClient: QueryClient;
  router: AppRouter;
}

/** Every app-wide service, provided once; the router renders the pages. */
export function App({ config, auth, api, queryClient, router }: AppProps) {
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
          <ApiContext.Provider value={api}>
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </ApiContext.Provider>
        </AuthContext.Provider>
      </I18nProvider>
    </ConfigContext.Provider>
  );
}
