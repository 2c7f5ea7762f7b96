import { WarningOutlined } from '@ant-design/icons';
import type { App } from 'antd';
import type { TFunction } from 'i18next';
import type { EventWarning } from '../../../../shared/domain/event';

interface Options {
  title?: string;
  okText?: string;
  cancelText?: string;
  /** Ask even when there is nothing to warn about (a drag still asks "move it?"). */
  always?: boolean;
}

/**
 * The core's warnings before a save (节假日、调休、主办或协办冲突、场地冲突、当天活动过多):
 * the planner decides — 仍然保存 or 返回修改. Resolves true to go on.
 */
export function confirmWarnings(modal: ReturnType<typeof App.useApp>['modal'], t: TFunction, warnings: readonly EventWarning[], options: Options = {}): Promise<boolean> {
  if (warnings.length === 0 && !options.always) return Promise.resolve(true);
  return new Promise((resolve) => {
    modal.confirm({
      title: options.title ?? t('events.warnings.title'),
      icon: <WarningOutlined style={{ color: '#faad14' }} />,
      width: 520,
      content:
        warnings.length > 0 ? (
          <div data-testid="event-warnings">
            {options.title ? <p style={{ marginBottom: 4 }}>{t('events.warnings.title')}</p> : null}
            <ul style={{ paddingInlineStart: 18, margin: 0 }}>
              {warnings.map((w, i) => (
                <li key={i} data-kind={w.kind}>
                  <b>{t(`events.warnings.kind.${w.kind}`)}</b>：{w.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      okText: options.okText ?? t('events.warnings.saveAnyway'),
      cancelText: options.cancelText ?? t('events.warnings.back'),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
