import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDataUrl } from './download';
import { CHART_FONT, echarts, type ChartOption } from './echarts';

/** What a click on a bar reports: the category's index and the series' index. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
}

interface Props {
  option: ChartOption;
  height: number;
  onClick?(click: ChartClick): void;
  /** Receives the chart instance (PNG export, tests). */
  chartRef?: { current: echarts.ECharts | null };
  testId?: string;
}

/**
 * One ECharts instance in a div: created once, options replaced on change, resized with its
 * box, disposed on unmount. Clicks on data items are reported with their indexes.
 */
export function EChart({ option, height, onClick, chartRef, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    if (chartRef) chartRef.current = instance;
    instance.on('click', (params) => {
      const p = params as { dataIndex?: number; seriesIndex?: number };
      if (typeof p.dataIndex === 'number') click.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...option }, true);
  }, [option]);

  return <div ref={box} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} data-testid={testId} />;
}

/** A chart in a card with 保存为 PNG (the chart as drawn, on white, at twice the screen resolution). */
export function ChartCard({
  title,
  extra,
  fileName,
  empty,
  children,
  testId,
  chartRef,
}: {
  title: ReactNode;
  extra?: ReactNode;
  fileName: string;
  empty?: boolean;
  children: ReactNode;
  testId?: string;
  chartRef: { current: echarts.ECharts | null };
}) {
  const { t } = useTranslation();
  function save() {
    const chart = chartRef.current;
    if (!chart) return;
    downloadDataUrl(`${fileName}.png`, chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
  }
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {extra}
          <Button size="small" icon={<DownloadOutlined />} onClick={save} disabled={empty}>
            {t('charts.savePng')}
          </Button>
        </span>
      }
    >
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charts.empty')} /> : children}
    </Card>
  );
}
