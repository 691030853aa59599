// pdf-parse's entry file runs a self-test when imported directly; its library file does not.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

/** The text of a PDF, read back the way a person's PDF reader would extract it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
}
