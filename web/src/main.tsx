import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api/api-error';
import { createHttpClient } from './api/http-client';
import { startSession } from './api/session';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { AuthSession } from './auth/auth-session';
import { loadAppConfig } from './config/app-config';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/leads.css';

/** Boot: read /config.json, wire the session, API client, cache and router, then render. */
async function boot(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  let config;
  try {
    config = await loadAppConfig();
  } catch (error) {
    console.error(error);
    root.render(<BootFailure />);
    return;
  }

  const queryClient = createQueryClient();
  const auth = new AuthSession(
    { endpoint: config.cognitoEndpoint, clientId: config.userPoolClientId },
    {
      afterSignIn: async () => {
        try {
          await startSession(http);
        } catch (error) {
          // The API refusing the new token is a failed sign-in; anything else must not lock people out.
          if (isApiError(error) && error.status === 401) throw error;
          console.warn('Recording the session failed', error);
        }
      },
      afterSignOut: () => queryClient.clear(),
    },
  );
  // Declared after the session it depends on; the session only calls it after a sign-in.
  const http = createHttpClient(auth);
  const router = createAppRouter({ auth, queryClient });

  root.render(
    <StrictMode>
      <App config={config} auth={auth} queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}

function BootFailure() {
  return (
    <div className="boot" role="alert">
      <p lang="ru">Не удалось загрузить настройки приложения. Обновите страницу.</p>
      <p lang="en">The app settings could not be loaded. Reload the page.</p>
    </div>
  );
}

void boot(document.getElementById('root')!);
