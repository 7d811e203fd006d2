import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setRequestLanguage } from './api.ts';
import { App } from './app.tsx';
import { initI18n } from './i18n.ts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A weak connection drops requests now and then: retry those, never the server's "no".
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      staleTime: 30_000,
    },
  },
});

const i18n = await initI18n();
// Requests carry the interface language from the very first one (before any effect has run).
setRequestLanguage(i18n.language);
i18n.on('languageChanged', setRequestLanguage);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
