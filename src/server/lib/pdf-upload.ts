import type { FastifyReply } from 'fastify';
import { megabytes } from '../../shared/file-size.ts';
import { reason } from '../../shared/reason-texts.ts';
import { AppError } from '../errors.ts';
import type { App } from '../route-types.ts';

/**
 * PDF files sent as the raw request body (Content-Type: application/pdf, the
 * file's name in the query string) and sent back as downloads. One file per
 * request needs no multipart parser.
 */

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Whether the bytes start like a PDF file does (`%PDF-`), whatever the upload claims. */
function looksLikePdf(content: Uint8Array): boolean {
  return content.byteLength >= PDF_MAGIC.length && PDF_MAGIC.every((byte, i) => content[i] === byte);
}

/** The name as shown and downloaded: no folders (some browsers send C:\fakepath\…), no control characters. */
export function cleanFilename(name: string, fallback = 'document.pdf'): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return clean || fallback;
}

function pdfTooLarge(bytes: number | null, maxBytes: number) {
  const max = megabytes(maxBytes);
  return new AppError('PAYLOAD_TOO_LARGE', bytes === null ? reason('UPLOAD_TOO_LARGE', { max }) : reason('UPLOAD_TOO_LARGE_SIZE', { size: megabytes(bytes), max }));
}

/** Refuses anything but a non-empty PDF within the size limit, with a message a person can act on. */
export function assertPdf(upload: { contentType: string | undefined; content: Uint8Array; maxBytes: number }): void {
  const mediaType = (upload.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/pdf') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', mediaType ? reason('UPLOAD_NOT_PDF_TYPE', { type: mediaType }) : reason('UPLOAD_NO_TYPE'));
  }
  if (upload.content.byteLength === 0) throw new AppError('ATTACHMENT_INVALID', reason('UPLOAD_EMPTY'));
  if (upload.content.byteLength > upload.maxBytes) throw pdfTooLarge(upload.content.byteLength, upload.maxBytes);
  if (!looksLikePdf(upload.content)) {
    throw new AppError('ATTACHMENT_INVALID', reason('UPLOAD_NOT_PDF_CONTENT'));
  }
}

/**
 * Makes the routes of this (encapsulated) plugin read any body as bytes up to
 * maxBytes, so the handler can say what is wrong with it (not a PDF, too
 * large) instead of a bare 415; a larger body is refused with a clear 413.
 * Call it first in a plugin that holds only upload/download routes.
 */
export function acceptRawUploads(app: App, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request) => {
    if (error instanceof Error && 'code' in error && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const declared = Number(request.headers['content-length']);
      throw pdfTooLarge(Number.isFinite(declared) && declared > 0 ? declared : null, maxBytes);
    }
    // Everything else is answered by the platform's problem handler.
    throw error;
  });
}

/** The bytes of a parsed raw body (empty when there was none). */
export const rawBody = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** `filename*` for any name, plus a plain ASCII `filename` for old clients. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends a stored file as a private download that the browser must not sniff into something else. */
export function sendDownload(reply: FastifyReply, file: { filename: string; contentType: string; content: Uint8Array }) {
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}
