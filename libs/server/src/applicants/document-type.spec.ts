import { SAMPLE_DOCUMENTS } from '../../test/documents';
import { acceptedDocument, documentTypeOf } from './document-type';

describe('the type of an uploaded document, from its bytes', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['doc', 'application/msword'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['text', 'text/plain'],
    ['latin1Text', 'text/plain'],
    ['executable', null],
    ['xlsx', null],
  ] as const)('%s → %s', (sample, type) => {
    expect(documentTypeOf(SAMPLE_DOCUMENTS[sample])).toBe(type);
  });

  it('accepts a document that is what its type says, under the type its bytes show', () => {
    expect(acceptedDocument('cv.pdf', 'application/pdf', SAMPLE_DOCUMENTS.pdf)).toEqual({ filename: 'cv.pdf', contentType: 'application/pdf', content: SAMPLE_DOCUMENTS.pdf });
  });

  it.each([
    ['an executable named like a PDF', 'cv.pdf', 'application/pdf', SAMPLE_DOCUMENTS.executable],
    ['an image sent as a PDF', 'cv.pdf', 'application/pdf', SAMPLE_DOCUMENTS.png],
    ['a PDF sent as text', 'cv.txt', 'text/plain', SAMPLE_DOCUMENTS.pdf],
    ['a type the form does not take', 'x.exe', 'application/x-msdownload', SAMPLE_DOCUMENTS.executable],
  ])('refuses %s', (_case, filename, type, content) => {
    expect(() => acceptedDocument(filename, type, content)).toThrow(expect.objectContaining({ code: 'invalid', fields: { documents: [expect.any(String)] } }));
  });
});
