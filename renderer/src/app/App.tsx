import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '../../../shared/domain/settings';
import type { ApiClient } from '../api/client';
import { DamagedBanner } from '../features/backups/DamagedBanner';
import { SetupWizard } from '../features/setup/SetupWizard';
import { AppContext } from './AppContext';
import { ANTD_LOCALES, applyDayjsLocale } from './languages';
import { Shell } from './Shell';
import { START_THEME } from './theme';

export function App({ api }: { api: ApiClient }) {
  const { i18n, t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;

  const refresh = useCallback(async () => {
    try {
      const next = await api.call('app.info');
      setInfo(next);
      if (next.installation && next.installation.language !== i18n.language) await i18n.changeLanguage(next.installation.language);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [api, i18n]);

  useEffect(() => void refresh(), [refresh]);
  useEffect(() => {
    applyDayjsLocale(language);
    document.documentElement.lang = language;
  }, [language]);

  const context = useMemo(() => (info ? { api, info, refresh } : null), [api, info, refresh]);

  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={START_THEME}>
      <AntApp>
        {loadError ? (
          <Result status="error" title={t('error.load')} subTitle={loadError} />
        ) : !context ? (
          <Spin fullscreen tip={t('app.loading')} />
        ) : (
          <AppContext.Provider value={context}>
            {/* Above everything: an unreadable file has no installation, and then no Shell either. */}
            <DamagedBanner />
            {context.info.installation ? <Shell /> : context.info.damaged ? null : <SetupWizard />}
          </AppContext.Provider>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
