import { App as AntApp, Badge, Card, Divider, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeConflict, ExchangeIdentity, ExchangePackageEntry, ExchangeResult } from '../../../../shared/domain/exchange';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { ConflictsList } from '../exchange/ConflictsList';
import { FolderSection } from '../exchange/FolderSection';
import { HistoryTable } from '../exchange/HistoryTable';
import { IdentitySection } from '../exchange/IdentitySection';
import { PackageSection } from '../exchange/PackageSection';
import { applyAutoSync, onSynced } from '../exchange/syncRunner';

/**
 * 数据交换 (issue 8): this installation's key fingerprint and the zone keys it trusts; the
 * exchange folder with 立即同步 (and an optional timer); packages as files for a USB stick,
 * imported through a preview; the history of packages, and the conflicts the merge kept (to
 * settle by keeping one version).
 */
export function ExchangeCard() {
  const { t } = useTranslation();
  const { api, refresh } = useApp();
  const { message } = AntApp.useApp();
  const [identity, setIdentity] = useState<ExchangeIdentity | null>(null);
  const [history, setHistory] = useState<ExchangePackageEntry[]>([]);
  const [conflicts, setConflicts] = useState<ExchangeConflict[]>([]);

  const load = useCallback(async () => {
    try {
      const [i, h, c] = await Promise.all([api.call('exchange.identity'), api.call('exchange.history'), api.call('exchange.conflicts')]);
      setIdentity(i);
      setHistory(h);
      setConflicts(c);
    } catch (error) {
      showFailure(error, message.error);
    }
  }, [api, message]);
  useEffect(() => void load(), [load]);

  /** After an import or a sync: the lists, and the header (a roster package may rename this zone). */
  const changed = useCallback(
    async (received: boolean) => {
      await load();
      if (received) await refresh();
    },
    [load, refresh],
  );

  // The timer (if switched on) keeps running after the page is left; the lists follow every sync.
  useEffect(() => applyAutoSync(api), [api]);
  useEffect(() => onSynced((outcome) => void changed(outcome.ok && outcome.summary.received.length > 0)), [changed]);

  return (
    <Card title={t('exchange.title')} data-testid="exchange-card">
      <Typography.Paragraph type="secondary">{t('exchange.intro')}</Typography.Paragraph>
      <IdentitySection identity={identity} />
      <Divider />
      <FolderSection identity={identity} onIdentity={setIdentity} />
      <Divider />
      <PackageSection onChanged={(result?: ExchangeResult) => void changed(result?.applied === true)} />
      <Divider />
      <Tabs
        items={[
          { key: 'history', label: t('exchange.history.title'), children: <HistoryTable entries={history} /> },
          {
            key: 'conflicts',
            label: (
              <span data-testid="exchange-conflicts-tab">
                {t('exchange.conflicts.title')} <Badge count={conflicts.length} size="small" showZero={false} />
              </span>
            ),
            children: <ConflictsList conflicts={conflicts} onChange={(next) => (setConflicts(next), void changed(false))} />,
          },
        ]}
      />
    </Card>
  );
}
