import './zodSetup.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createClient } from './api/client.js';
import { ClientProvider } from './api/context.js';
import { App } from './App.js';
import { createI18n, currentLang } from './i18n/i18n.js';
import './styles/base.css';

const i18n = createI18n();
const client = createClient({ lang: () => currentLang(i18n) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>
        <App />
      </ClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
