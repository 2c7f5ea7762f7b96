import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { AnnualReport } from '../../../shared/domain/plan';
import { reportSections, reportSubtitle, reportSummary, type ReportSection } from '../../../shared/domain/report';

const FONT = '宋体';

/** The report as .xlsx: a cover sheet, then one sheet per section (frozen header, filters, widths). */
export async function reportXlsx(report: AnnualReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '联盟协同工作台';
  book.created = new Date(report.generatedAt);
  const cover = book.addWorksheet('说明');
  cover.addRow([report.title]).font = { bold: true, size: 14 };
  cover.addRow([reportSubtitle(report)]);
  const summary = reportSummary(report);
  for (const line of [summary.lead, ...summary.lines]) cover.addRow([line]);
  cover.getColumn(1).width = 80;
  for (const section of reportSections(report)) {
    const sheet = book.addWorksheet(sheetName(section.title));
    sheet.addRow(section.columns).font = { bold: true };
    // exceljs writes strings as text cells, never formulas: nothing in them can run.
    for (const row of section.rows.length > 0 ? section.rows : [['（无）']]) sheet.addRow(row);
    if (section.note) sheet.addRow([section.note]).font = { italic: true, color: { argb: 'FF888888' } };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: section.columns.length } };
    section.columns.forEach((c, i) => {
      const longest = Math.max(c.length, ...section.rows.map((r) => String(r[i] ?? '').length));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest * 2 + 2));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The report as .docx (Word / WPS): headings, tables, page numbers in the footer. */
export async function reportDocx(report: AnnualReport): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: report.title, font: FONT, bold: true, size: 36 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: reportSubtitle(report), font: FONT, size: 21 })] }),
  ];
  const summary = reportSummary(report);
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: '年度工作概要', font: FONT, bold: true, size: 28 })] }));
  children.push(new Paragraph({ children: [new TextRun({ text: summary.lead, font: FONT, size: 21 })] }));
  for (const line of summary.lines) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: line, font: FONT, size: 21 })] }));
  for (const section of reportSections(report)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 300, after: 120 }, children: [new TextRun({ text: section.title, font: FONT, bold: true, size: 28 })] }));
    children.push(table(section));
    if (section.note) children.push(new Paragraph({ children: [new TextRun({ text: section.note, font: FONT, size: 18, italics: true })] }));
  }
  const doc = new Document({
    creator: '联盟协同工作台',
    title: report.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } }, // A4 in twips
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], font: FONT, size: 18 })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function table(section: ReportSection): Table {
  const cell = (text: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), font: FONT, size: 20, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: section.columns.map((c) => cell(c, true)) }),
      ...(section.rows.length > 0
        ? section.rows.map((row, r) => new TableRow({ children: row.map((v) => cell(v, section.strongRows?.includes(r))) }))
        : [new TableRow({ children: [new TableCell({ columnSpan: section.columns.length, children: [new Paragraph({ children: [new TextRun({ text: '（无）', font: FONT, size: 20 })] })] })] })]),
    ],
  });
}

/** Sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(title: string): string {
  return title.replace(/^[一二三四五六七八九十]+、/, '').replace(/[[\]:*?/\\“”]/g, '').slice(0, 31);
}
