/** Saves bytes as a file through the browser's download (Electron shows its save dialog). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** base64 (as the core sends files) → bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file the core built (report.export …): { fileName, mime, dataBase64 }. */
export function downloadBase64(file: { fileName: string; mime: string; dataBase64: string }): void {
  downloadBlob(file.fileName, new Blob([base64ToBytes(file.dataBase64)], { type: file.mime }));
}

/** A data: URL (a chart's PNG) → a downloaded file. */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const mime = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  downloadBlob(fileName, new Blob([base64ToBytes(body)], { type: mime }));
}
