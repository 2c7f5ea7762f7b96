import { createContext, useContext } from 'react';
import type { AppInfo, Installation } from '../../../shared/domain/settings';
import type { ApiClient } from '../api/client';

export interface AppContextValue {
  api: ApiClient;
  info: AppInfo;
  /** Re-reads app.info after a change that affects the header or permissions. */
  refresh(): Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}

/** The installation, once set up (every page behind the wizard may rely on it). */
export function useInstallation(): Installation {
  const installation = useApp().info.installation;
  if (!installation) throw new Error('useInstallation before setup');
  return installation;
}
