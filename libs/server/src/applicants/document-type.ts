import { DomainError, invalidFields } from '../core/errors';
import { isStorableText } from '../core/storable-text';
import { ALLOWED_DOCUMENT_TYPES } from './applicant-input';
import { UploadedDocument } from './applicants.service';

/**
 * What an uploaded document is, read from its bytes rather than taken from the browser: the
 * content type a client sends is whatever it says (an executable named cv.pdf arrives as
 * application/pdf). Only the types the application form accepts are recognised.
 */
export const PDF = 'application/pdf';
export const WORD_97 = 'application/msword';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT = 'application/vnd.oasis.opendocument.text';
export const JPEG = 'image/jpeg';
export const PNG = 'image/png';
export const TEXT = 'text/plain';

const startsWith = (content: Buffer, signature: readonly number[] | string, at = 0) => {
  const bytes = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return content.length >= at + bytes.length && content.subarray(at, at + bytes.length).equals(bytes);
};

/** The accepted type the bytes show, or null when they show none of them. */
export function documentTypeOf(content: Buffer): string | null {
  if (startsWith(content, '%PDF-')) return PDF;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return JPEG;
  // An OLE2 compound file: Word 97–2003.
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return WORD_97;
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return zipDocumentTypeOf(content);
  return isPlainText(content) ? TEXT : null;
}

/**
 * OpenDocument: the first entry of the zip is "mimetype", stored, holding the type. Office Open
 * XML (DOCX): the package has "[Content_Types].xml" and the document under "word/".
 */
function zipDocumentTypeOf(content: Buffer): string | null {
  const nameLength = content.length >= 30 ? content.readUInt16LE(26) : 0;
  const extraLength = content.length >= 30 ? content.readUInt16LE(28) : 0;
  if (startsWith(content, 'mimetype', 30) && nameLength === 8 && startsWith(content, ODT, 30 + nameLength + extraLength)) return ODT;
  if (content.includes('[Content_Types].xml', 0, 'latin1') && content.includes('word/document.xml', 0, 'latin1')) return DOCX;
  return null;
}

/** Text in any 8-bit encoding or UTF-8: no NUL and no control characters but tab, line feed, form feed and carriage return. */
function isPlainText(content: Buffer): boolean {
  for (const byte of content) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return false;
  }
  return true;
}

/**
 * A document is what its bytes show, and that must be what the browser said it is: an
 * executable named cv.pdf and sent as application/pdf is refused, not stored for an admin to open.
 */
export function acceptedDocument(filename: string, claimedType: string, content: Buffer): UploadedDocument {
  const name = isStorableText(filename) ? filename : 'document';
  const unsupported = () => new DomainError('invalid', `${name}: send PDF, Word, OpenDocument, JPEG, PNG or text files`, { documents: ['Unsupported file type'] });
  if (!ALLOWED_DOCUMENT_TYPES.includes(claimedType)) throw unsupported();
  const actualType = documentTypeOf(content);
  if (actualType === null) throw unsupported();
  if (actualType !== claimedType) {
    throw new DomainError('invalid', `${name}: the file's content is not what its type says (${claimedType})`, { documents: ['The file is not what its name and type say'] });
  }
  if (!isStorableText(filename)) throw invalidFields({ documents: ['The file name holds a character that cannot be stored; rename the file'] });
  return { filename, contentType: actualType, content };
}
