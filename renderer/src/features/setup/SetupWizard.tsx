import { App as AntApp, Button, Card, Checkbox, Form, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/settings';
import type { Role } from '../../../../shared/domain/record';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { IdentityFields } from './IdentityFields';

interface SetupValues {
  zoneId: string;
  role: Role;
  operatorName: string;
  loadDemo: boolean;
}

/** First run: which zone this installation belongs to, its role, and optional demo data. */
export function SetupWizard() {
  const { t, i18n } = useTranslation();
  const { api, refresh } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SetupValues>();
  const [saving, setSaving] = useState(false);
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';

  async function finish(values: SetupValues) {
    setSaving(true);
    try {
      await api.call('settings.setup', { ...values, operatorName: values.operatorName ?? '', language });
      await refresh();
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f6fb', padding: 24 }}>
      <Card style={{ width: 560 }} data-testid="setup-wizard">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {t('setup.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.alliance')}</Typography.Text>
          </div>
          <Segmented
            aria-label={t('common.language')}
            value={language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(value) => void i18n.changeLanguage(value as Language)}
          />
        </Space>
        <Typography.Paragraph style={{ marginTop: 16 }}>{t('setup.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ role: 'member', loadDemo: true, operatorName: '' }} requiredMark>
          <IdentityFields api={api} autoFocus onZonePicked={(zone) => form.setFieldValue('role', zone.role)} />
          <Form.Item name="loadDemo" valuePropName="checked" extra={t('setup.demoHint')}>
            <Checkbox>{t('setup.demo')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block size="large">
            {t('setup.finish')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
