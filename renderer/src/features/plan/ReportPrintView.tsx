import { ArrowLeftOutlined, FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AnnualReport } from '../../../../shared/domain/plan';
import { reportSections, reportSubtitle, reportSummary, type ReportSection } from '../../../../shared/domain/report';
import { useApp } from '../../app/AppContext';
import { downloadBase64 } from '../../ui/download';
import { printPage } from '../../ui/printPage';
import { showFailure } from '../../ui/errors';
import { YearPicker } from './YearPicker';

/**
 * A4 pages: 20 mm margins and the page number in the bottom margin box (Chromium ≥ 131 and
 * Electron's print-to-PDF draw @page margin boxes; older engines simply omit it).
 */
const PAGE_RULE = `@page {
  size: A4 portrait;
  margin: 20mm 18mm 22mm 18mm;
  @bottom-center {
    content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
    font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
    font-size: 9pt;
    color: #555;
  }
}`;

/**
 * 年度工作报告: the year's report as a document — the same sections, in the same order, as
 * the Word and Excel files the core builds (report.export), read from report.data. 打印
 * prints it: straight to an A4 PDF in the desktop app, the browser's print dialog otherwise
 * (printPage); the print CSS keeps only the document. The document is in Chinese, like the
 * files: it is the alliance's own report.
 */
export function ReportPrintView({ year, onYearChange, onClose }: { year: number; onYearChange(year: number): void; onClose(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [report, setReport] = useState<AnnualReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'xlsx' | 'docx' | null>(null);

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    api.call('report.data', { year }).then(
      (r) => live && setReport(r),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, year]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function print() {
    try {
      const saved = await printPage(`联盟${year}年度工作报告`);
      if (saved) message.success(t('report.savedTo', { path: saved }));
    } catch (e) {
      showFailure(e, message.error);
    }
  }

  async function exportAs(format: 'xlsx' | 'docx') {
    setExporting(format);
    try {
      downloadBase64(await api.call('report.export', { year, format }));
    } catch (e) {
      showFailure(e, message.error);
    } finally {
      setExporting(null);
    }
  }

  return createPortal(
    <div className="rp-print" data-testid="report-view" data-ready={report ? 'true' : 'false'}>
      <style>{PAGE_RULE}</style>
      <div className="rp-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
            {t('report.back')}
          </Button>
          <YearPicker value={year} onChange={onYearChange} />
          <Button type="primary" icon={<PrinterOutlined />} disabled={!report} onClick={() => void print()}>
            {t('report.print')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
            {t('report.exportXlsx')}
          </Button>
          <Button icon={<FileWordOutlined />} loading={exporting === 'docx'} onClick={() => void exportAs('docx')}>
            {t('report.exportDocx')}
          </Button>
          <Typography.Text type="secondary">{t('report.hint')}</Typography.Text>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ margin: 24 }} /> : null}
      {!report ? error ? null : <Spin style={{ display: 'block', margin: 48 }} /> : <ReportDocument report={report} />}
    </div>,
    document.body,
  );
}

/** One section of the report: `numeric` columns right-aligned and narrow, `nowrap` ones on one line, totals in bold. */
function SectionTable({ section }: { section: ReportSection }) {
  const cellClass = (i: number) => [section.numeric?.includes(i) ? 'rp-num' : '', section.nowrap?.includes(i) ? 'rp-nowrap' : ''].join(' ').trim() || undefined;
  return (
    <section className="rp-section">
      <h2>{section.title}</h2>
      <table>
        <thead>
          <tr>
            {section.columns.map((c, i) => (
              <th key={i} className={cellClass(i)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.rows.length === 0 ? (
            <tr>
              <td colSpan={section.columns.length} className="rp-none">
                （无）
              </td>
            </tr>
          ) : (
            section.rows.map((row, r) => (
              <tr key={r} className={section.strongRows?.includes(r) ? 'rp-strong' : undefined}>
                {row.map((cell, i) => (
                  <td key={i} className={cellClass(i)}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {section.note ? <p className="rp-note">{section.note}</p> : null}
    </section>
  );
}

/** The report as the print view shows it: the same summary and sections as the .docx and .xlsx (shared/domain/report.ts). */
export function ReportDocument({ report: r }: { report: AnnualReport }) {
  const summary = reportSummary(r);
  return (
    <article className="rp-doc" data-testid="report-document">
      <header className="rp-head">
        {/* The alliance on one line, the report on the next: a long title never breaks mid-word. */}
        <h1>
          {r.title.split(/(?<=联盟)\s*/).map((part, i) => (
            <span key={i} className="rp-title-line">
              {part}
            </span>
          ))}
        </h1>
        <p>{reportSubtitle(r)}</p>
      </header>

      <section className="rp-section rp-headline" data-testid="report-headline">
        <h2>年度工作概要</h2>
        <p>{summary.lead}</p>
        <ul>
          {summary.lines.map((line, i) => (
            <li key={i} data-testid={`headline-${r.dashboard.progress.metrics[i]?.metric ?? i}`}>
              {line}
            </li>
          ))}
        </ul>
      </section>

      {reportSections(r).map((section) => (
        <SectionTable key={section.title} section={section} />
      ))}
      <footer className="rp-end">— 完 —</footer>
    </article>
  );
}
