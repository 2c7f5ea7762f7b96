import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

/**
 * Checks an .xlsx (a zip) before exceljs sees it — exceljs unpacks every part into memory,
 * so a zip bomb must be caught here. Reads the central directory itself, then inflates each
 * part with a hard output cap (the size the directory declares, within the total budget): a
 * part that unpacks to more than it declares is refused, so no lie in the directory gets
 * past. Also counts each worksheet's rows from its xml, so a 1,000,000-row sheet is refused
 * before it is loaded.
 */
export interface ZipSummary {
  entries: number;
  unpackedBytes: number;
  /** The most rows (`<row>` elements) of any worksheet. */
  maxSheetRows: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

const refuse = (message: string) => new AppError('VALIDATION', message);
const damaged = () => refuse('文件已损坏，无法读取（不是完整的 .xlsx 文件）。请用 Excel 或 WPS 打开后重新另存为 .xlsx。');

export function checkXlsxZip(bytes: Buffer, maxUnpackedBytes: number): ZipSummary {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw damaged();
  const count = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) throw refuse('文件过大（ZIP64 格式），不能导入。请拆分后再导入。');
  if (count > MAX_ENTRIES) throw refuse('文件结构异常（包含的部件过多），不能导入。');
  if (dirOffset + dirSize > bytes.length) throw damaged();

  const names = new Set<string>();
  let declaredTotal = 0;
  let unpackedTotal = 0;
  let maxSheetRows = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw damaged();
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const declaredSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    names.add(name);

    if (flags & 1) throw refuse('文件已加密，不能导入。请取消密码后另存为 .xlsx 再导入。');
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff) throw refuse('文件过大（ZIP64 格式），不能导入。请拆分后再导入。');
    declaredTotal += declaredSize;
    if (declaredTotal > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
    if (name.endsWith('/')) continue; // a folder

    const data = partData(bytes, localOffset, compressedSize);
    let unpacked: Buffer;
    if (method === 0) {
      if (compressedSize !== declaredSize) throw damaged();
      unpacked = data;
    } else if (method === 8) {
      try {
        // At most what the directory declares: a part that unpacks to more is a lie (a bomb).
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, declaredSize) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refuse('文件可疑（解压后的大小与文件声明的不符，可能是「压缩炸弹」），已拒绝导入。');
        throw damaged();
      }
    } else {
      throw refuse('文件使用了不支持的压缩方式，请用 Excel 或 WPS 重新另存为 .xlsx。');
    }
    unpackedTotal += unpacked.length;
    if (unpackedTotal > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) maxSheetRows = Math.max(maxSheetRows, countRows(unpacked));
  }
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw refuse('这是 .xlsb（二进制工作簿）文件，不支持。请用 Excel 另存为 .xlsx 再导入。');
    if (names.has('content.xml') && names.has('mimetype')) throw refuse('这是 .ods 文件，不支持。请用 WPS、LibreOffice 或 Excel 另存为 .xlsx 再导入。');
    if (names.has('word/document.xml')) throw refuse('这是 Word 文档（.docx），不是表格。请导入 .xlsx 或 .csv 文件。');
    throw refuse('这是一个压缩文件，但不是 Excel 工作簿（.xlsx）。请导入 .xlsx 或 .csv 文件。');
  }
  return { entries: count, unpackedBytes: unpackedTotal, maxSheetRows };
}

function tooLarge(max: number): AppError {
  return refuse(`文件解压后超过 ${Math.round(max / 1024 / 1024)} MB，不能导入（可能是「压缩炸弹」，或内容过多）。请拆分后再导入。`);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function partData(bytes: Buffer, localOffset: number, compressedSize: number): Buffer {
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw damaged();
  const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
  if (start + compressedSize > bytes.length) throw damaged();
  return bytes.subarray(start, start + compressedSize);
}

const ROW_TAGS = [Buffer.from('<row '), Buffer.from('<row>'), Buffer.from(':row '), Buffer.from(':row>')];

/** How many `<row>` elements a worksheet's xml has (with or without a namespace prefix). */
function countRows(xml: Buffer): number {
  let n = 0;
  for (const tag of ROW_TAGS) {
    for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + tag.length)) n++;
  }
  return n;
}
