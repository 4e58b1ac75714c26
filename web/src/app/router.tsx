import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import type { AuthSession } from '../auth/auth-session';
import { validateLeadsSearch } from '../features/leads/list/leads-search';
import { accessRequestRoutes } from '../features/settings/access-requests/access-request-routes';
import { accountRoutes } from '../features/accounts/account-routes';
import { caseRoutes } from '../features/cases/case-routes';
import { contactRoutes } from '../features/contacts/contact-routes';
import { dealRoutes } from '../features/deals/deal-routes';
import { duplicatesRoutes } from '../features/duplicates/duplicate-routes';
import { productRoutes } from '../features/products/product-routes';
import { importRoutes } from '../features/imports/import-routes';
import { settingsRoutes } from '../features/settings/settings-routes';
import { AppShell } from './shell/AppShell';
import { portalRoutes } from '../features/portal/portal-routes';
import { NotFoundPage } from './shell/NotFoundPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { lazyPage } from './lazy-page';
import { PendingPage } from './PendingPage';
import { safeRedirect } from './safe-redirect';

const LeadsPage = lazyPage(() => import('../features/leads/list/LeadsPage'), 'LeadsPage');
const NewLeadPage = lazyPage(() => import('../features/leads/form/NewLeadPage'), 'NewLeadPage');
const LeadCardPage = lazyPage(() => import('../features/leads/card/LeadCardPage'), 'LeadCardPage');
const EditLeadPage = lazyPage(() => import('../features/leads/form/EditLeadPage'), 'EditLeadPage');

/**
 * The app's routes, in code: /signin is public; everything else sits under a guard that sends
 * a signed-out visitor to sign-in and brings them back afterwards.
 */
export interface RouterContext {
  auth: AuthSession;
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  // `reset`: the forgotten-password steps instead of the sign-in form; `email`: prefilled (the invitation's link).
  validateSearch: (search: Record<string, unknown>): { redirect?: string; reset?: boolean; email?: string } => {
    const target = safeRedirect(search.redirect);
    const email = typeof search.email === 'string' && search.email.length <= 254 ? search.email : undefined;
    return { ...(target ? { redirect: target } : {}), ...(search.reset === true ? { reset: true } : {}), ...(email ? { email } : {}) };
  },
  beforeLoad: ({ context, search }) => {
    if (context.auth.isSignedIn) throw redirect({ href: search.redirect ?? '/', replace: true });
  },
  component: function SignInRoute() {
    const { redirect: target, reset, email } = signInRoute.useSearch();
    return <SignInPage redirectTo={target ?? '/'} reset={reset === true} initialEmail={email} />;
  },
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => {
    if (!context.auth.isSignedIn) {
      // Come back here after signing in again, unless the user chose to sign out.
      const target = context.auth.getState().signOutReason === 'signed-out' ? undefined : safeRedirect(location.href);
      throw redirect({ to: '/signin', search: target && target !== '/' ? { redirect: target } : {}, replace: true });
    }
  },
  component: AppShell,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    // A client's person lands in the portal (ACC-3); staff on the leads.
    const roles = context.auth.getState().user?.roles ?? [];
    throw redirect({ to: roles.length > 0 && roles.every((role) => role === 'portal-user') ? '/portal' : '/leads', replace: true });
  },
});

const leadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads',
  validateSearch: validateLeadsSearch,
  component: function LeadsRoute() {
    return <LeadsPage search={leadsRoute.useSearch()} />;
  },
});

const newLeadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/new',
  component: function NewLeadRoute() {
    return <NewLeadPage />;
  },
});

const leadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/$leadId',
  component: function LeadRoute() {
    return <LeadCardPage leadId={leadRoute.useParams().leadId} />;
  },
});

const editLeadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/$leadId/edit',
  component: function EditLeadRoute() {
    return <EditLeadPage leadId={editLeadRoute.useParams().leadId} />;
  },
});

/** Any other address: sign-in first, then "not found" inside the app's frame. */
const unknownRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([indexRoute, ...portalRoutes(appRoute), leadsRoute, newLeadRoute, leadRoute, editLeadRoute, ...accountRoutes(appRoute),
    ...contactRoutes(appRoute),
    ...dealRoutes(appRoute),
    ...caseRoutes(appRoute),
    ...productRoutes(appRoute),
    ...importRoutes(appRoute),
    ...duplicatesRoutes(appRoute), ...settingsRoutes(appRoute), ...accessRequestRoutes(appRoute), unknownRoute]),
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultPendingMs: 300,
    // Pages load with their route (lazyPage): this shows while a page's code or data is on its way.
    defaultPendingComponent: PendingPage,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}

