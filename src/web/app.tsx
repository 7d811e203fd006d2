import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { keys, setUnauthenticatedHandler } from './api.ts';
import { ForgotPasswordPage } from './features/auth/forgot-password-page.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { loginPath } from './features/auth/next.ts';
import { RegisterPage } from './features/auth/register-page.tsx';
import { RequireLogin } from './features/auth/require-login.tsx';
import { ResetPasswordPage } from './features/auth/reset-password-page.tsx';
import { NotFoundPage } from './features/errors/not-found-page.tsx';
import { HomePage } from './features/home/home-page.tsx';
import { InvitationPage } from './features/invitations/invitation-page.tsx';
import { Footer } from './features/layout/footer.tsx';
import { Header } from './features/layout/header.tsx';
import { NotificationsPage } from './features/notifications/notifications-page.tsx';
import { ProfilePage } from './features/profile/profile-page.tsx';
import { applyLocale, rememberLocale } from './i18n.ts';
import { useMe } from './session.ts';
import { Loading } from './ui/loading.tsx';

// Administration is used by few people: its code loads only when one of them opens it.
const AdminUsersPage = lazy(() =>
  import('./features/admin/users-page.tsx').then((m) => ({ default: m.AdminUsersPage })),
);
const OutboxPage = lazy(() =>
  import('./features/admin/outbox-page.tsx').then((m) => ({ default: m.OutboxPage })),
);
const OutboxMessagePage = lazy(() =>
  import('./features/admin/outbox-page.tsx').then((m) => ({ default: m.OutboxMessagePage })),
);

// The registry loads on first visit too: most visitors come for a case, not to browse mediators.
const RegistrySearchPage = lazy(() =>
  import('./features/registry/search-page.tsx').then((m) => ({ default: m.RegistrySearchPage })),
);
const MediatorProfilePage = lazy(() =>
  import('./features/registry/profile-page.tsx').then((m) => ({ default: m.MediatorProfilePage })),
);
const OrganisationsPage = lazy(() =>
  import('./features/registry/organisations-page.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const OrganisationPage = lazy(() =>
  import('./features/registry/organisations-page.tsx').then((m) => ({ default: m.OrganisationPage })),
);
const MatchingPage = lazy(() =>
  import('./features/registry/matching-page.tsx').then((m) => ({ default: m.MatchingPage })),
);
const ApplyPage = lazy(() =>
  import('./features/registry/apply/apply-page.tsx').then((m) => ({ default: m.ApplyPage })),
);
const MyApplicationPage = lazy(() =>
  import('./features/registry/my-application-page.tsx').then((m) => ({ default: m.MyApplicationPage })),
);
const RegistryQueuePage = lazy(() =>
  import('./features/registry/admin/queue-page.tsx').then((m) => ({ default: m.QueuePage })),
);
const RegistryEntryPage = lazy(() =>
  import('./features/registry/admin/entry-page.tsx').then((m) => ({ default: m.EntryPage })),
);
const RegistryOrganisationsAdminPage = lazy(() =>
  import('./features/registry/admin/organisations-admin-page.tsx').then((m) => ({
    default: m.OrganisationsAdminPage,
  })),
);
const RegistryComplaintsPage = lazy(() =>
  import('./features/registry/admin/complaints-page.tsx').then((m) => ({ default: m.ComplaintsPage })),
);

const ExplorerPage = lazy(() =>
  import('./features/explorer/explorer-page.tsx').then((m) => ({ default: m.ExplorerPage })),
);

// The case pages: intake (dashboard, new request, invitation, court referral) and one case.
const CasesPage = lazy(() =>
  import('./features/intake/cases-page.tsx').then((m) => ({ default: m.CasesPage })),
);
const NewCasePage = lazy(() =>
  import('./features/intake/new-case-page.tsx').then((m) => ({ default: m.NewCasePage })),
);
const CaseInvitationPage = lazy(() =>
  import('./features/intake/case-invitation-page.tsx').then((m) => ({ default: m.CaseInvitationPage })),
);
const CourtReferralPage = lazy(() =>
  import('./features/intake/court-referral-page.tsx').then((m) => ({ default: m.CourtReferralPage })),
);
const CasePage = lazy(() => import('./features/case/case-page.tsx').then((m) => ({ default: m.CasePage })));

// Settlement agreements: the public check (/verify, from the QR code) and the court's inbox.
const VerifyPage = lazy(() =>
  import('./features/signing/verify-page.tsx').then((m) => ({ default: m.VerifyPage })),
);
const CourtFilingsPage = lazy(() =>
  import('./features/signing/court-filings-page.tsx').then((m) => ({ default: m.CourtFilingsPage })),
);

/** Session-wide effects: lost sessions go to login, and the account's language wins. */
const SessionEffects = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const here = useRef('');
  here.current = `${location.pathname}${location.search}`;

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.setQueryData(keys.me, null);
      // Several requests can fail at once: only the first one leads to the login page.
      if (window.location.pathname === '/login') return;
      navigate(loginPath(here.current), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient, navigate]);

  // Once per login (or page load with a session): the account's language replaces the browser's.
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    rememberLocale(me.locale);
    void applyLocale(me.locale);
  }, [me]);

  return null;
};

/** After a page change: back to the top, focus on the new page's heading (announced by screen readers). */
const FocusOnNavigate = () => {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    (heading ?? document.getElementById('main'))?.focus();
  }, [pathname]);
  return null;
};

const Layout = ({ children }: { children: ReactNode }) => (
  <div className="flex min-h-screen flex-col">
    <Header />
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-10">
      {children}
    </main>
    <Footer />
  </div>
);

const loggedIn = (page: ReactNode) => <RequireLogin>{page}</RequireLogin>;
const admin = (page: ReactNode) => <RequireLogin requiredRole="platform_admin">{page}</RequireLogin>;
const registrar = (page: ReactNode) => <RequireLogin requiredRole="registry_admin">{page}</RequireLogin>;

export const App = () => (
  <BrowserRouter>
    <SessionEffects />
    <FocusOnNavigate />
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/invitation" element={<InvitationPage />} />
          <Route path="/profile" element={loggedIn(<ProfilePage />)} />
          <Route path="/notifications" element={loggedIn(<NotificationsPage />)} />
          <Route path="/admin/users" element={admin(<AdminUsersPage />)} />
          <Route path="/admin/outbox" element={admin(<OutboxPage />)} />
          <Route path="/admin/outbox/:id" element={admin(<OutboxMessagePage />)} />
          <Route path="/explore" element={<ExplorerPage />} />
          <Route path="/cases" element={loggedIn(<CasesPage />)} />
          <Route path="/cases/new" element={loggedIn(<NewCasePage />)} />
          <Route path="/cases/invitation/:token" element={<CaseInvitationPage />} />
          <Route path="/cases/:id" element={loggedIn(<CasePage />)} />
          <Route path="/court/referrals/new" element={loggedIn(<CourtReferralPage />)} />
          <Route
            path="/court/filings"
            element={
              <RequireLogin requiredRole="court_user">
                <CourtFilingsPage />
              </RequireLogin>
            }
          />
          <Route path="/verify" element={<VerifyPage />} />
          <Route path="/verify/:hash" element={<VerifyPage />} />
          <Route path="/registry" element={<RegistrySearchPage />} />
          <Route path="/registry/mediators/:id" element={<MediatorProfilePage />} />
          <Route path="/registry/organisations" element={<OrganisationsPage />} />
          <Route path="/registry/organisations/:id" element={<OrganisationPage />} />
          <Route path="/registry/how-matching-works" element={<MatchingPage />} />
          <Route path="/registry/apply" element={loggedIn(<ApplyPage />)} />
          <Route path="/registry/my-application" element={loggedIn(<MyApplicationPage />)} />
          <Route path="/registry/admin" element={registrar(<RegistryQueuePage />)} />
          <Route path="/registry/admin/entries/:id" element={registrar(<RegistryEntryPage />)} />
          <Route
            path="/registry/admin/organisations"
            element={registrar(<RegistryOrganisationsAdminPage />)}
          />
          <Route path="/registry/admin/complaints" element={registrar(<RegistryComplaintsPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  </BrowserRouter>
);
