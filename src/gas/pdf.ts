// HTML documents as PDF, by Apps Script's own conversion: no Drive file, no extra scope
// (docs/late-payment.md: the formal letter and the evidence pack).
import type { PlannedDocument } from '../domain/notice';

/** The document as a PDF blob named `fileName`. */
export function pdfOf(document: PlannedDocument): GoogleAppsScript.Base.Blob {
  const html = Utilities.newBlob(document.html, 'text/html', document.fileName.replace(/\.pdf$/i, '') + '.html');
  return html.getAs('application/pdf').setName(document.fileName);
}

/** The document as a PDF, base64-encoded, for the sidebar to offer as a download. */
export function pdfBase64(document: PlannedDocument): string {
  return Utilities.base64Encode(pdfOf(document).getBytes());
}
