import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AllianceBridge } from '../../shared/bridge';
import { createClient } from './api/client';
import { takeAccessToken } from './api/token';
import { httpTransport, ipcTransport } from './api/transport';
import { App } from './app/App';
import { initI18n } from './i18n';
import { keepEnterInDatePickers } from './ui/datePickerEnter';
import './styles.css';

declare global {
  interface Window {
    /** Present in the desktop app only (exposed by the preload script). */
    alliance?: AllianceBridge;
  }
}

// One client, two transports: Electron IPC when the preload bridge exists, HTTP otherwise.
const transport = window.alliance
  ? ipcTransport(window.alliance)
  : httpTransport(takeAccessToken(window.location, window.sessionStorage, window.history));

keepEnterInDatePickers();

// Chinese first; the saved language is applied as soon as app.info arrives.
initI18n('zh-CN');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createClient(transport)} />
  </StrictMode>,
);
