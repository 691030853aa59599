/** Small files of each type the application form accepts, as their first bytes make them. */
function zip(entries: Array<{ name: string; data: string }>): Buffer {
  const parts = entries.map(({ name, data }) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(Buffer.byteLength(data), 18);
    header.writeUInt32LE(Buffer.byteLength(data), 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([header, Buffer.from(name), Buffer.from(data)]);
  });
  return Buffer.concat(parts);
}

export const SAMPLE_DOCUMENTS = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR')]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  doc: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(24)]),
  docx: zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: '<w:document/>' },
  ]),
  odt: zip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', data: '<office:document-content/>' },
  ]),
  text: Buffer.from('Åsa Ansökan\r\nServicetekniker, fem års erfarenhet.\n'),
  latin1Text: Buffer.from('Åsa Ansökan, servicetekniker.\n', 'latin1'),
  /** A Windows program: "MZ", then a header full of NUL bytes. */
  executable: Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), Buffer.alloc(56), Buffer.from('This program cannot be run in DOS mode.')]),
  /** A zip that is no document (a spreadsheet). */
  xlsx: zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ]),
};
