import { render, table } from './pdf';

// pdf-parse's entry file runs a self-test when imported directly; its library file does not.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer, options: { pagerender: (page: PdfPage) => Promise<string> }) => Promise<{ text: string; numpages: number }>;

interface PdfPage {
  getTextContent(): Promise<{ items: Array<{ str: string; transform: number[]; width: number }> }>;
}

interface Placed {
  text: string;
  page: number;
  x: number;
  /** From the top of the page, in points. */
  top: number;
  right: number;
}

/** Every piece of text with where it stands, read back by a PDF reader. */
async function placedText(pdf: Buffer): Promise<Placed[]> {
  const placed: Placed[] = [];
  let page = 0;
  await pdfParse(pdf, {
    pagerender: async (pageData) => {
      page++;
      for (const item of (await pageData.getTextContent()).items) {
        if (item.str.trim()) placed.push({ text: item.str, page, x: item.transform[4], top: 842 - item.transform[5], right: item.transform[4] + item.width });
      }
      return '';
    },
  });
  return placed;
}

describe('PDF tables', () => {
  const LONG = 'Installation av nätverksskrivare med drivrutiner på tolv arbetsplatser, inklusive test av utskrift från varje dator och genomgång med personalen';

  it('starts each row below the tallest cell of the row before it, header included', async () => {
    const pdf = await render((doc) =>
      table(doc, ['Beskrivning / Description', 'Antal / Qty', 'Belopp / Amount'], [[LONG, '1', '12 990,00 kr'], ['Andra raden', '2', '950,00 kr']], { widths: [150, 40, 90], align: ['left', 'right', 'right'] }),
    );
    const placed = await placedText(pdf);
    const second = placed.find((item) => item.text.includes('Andra raden'));
    const lastOfLong = Math.max(...placed.filter((item) => LONG.includes(item.text.trim()) && item.text.trim().length > 3).map((item) => item.top));
    const lowestHeader = Math.max(...placed.filter((item) => /Description|Qty|Amount/.test(item.text)).map((item) => item.top));
    const firstRow = Math.min(...placed.filter((item) => item.text.includes('Installation')).map((item) => item.top));
    expect(firstRow).toBeGreaterThan(lowestHeader);
    expect(second?.top).toBeGreaterThan(lastOfLong);
  });

  it('right-aligns amounts: their right edges line up', async () => {
    const pdf = await render((doc) => table(doc, ['Vara', 'Belopp'], [['A', '1,00 kr'], ['B', '12 990,00 kr']], { widths: [100, 100], align: ['left', 'right'] }));
    const amounts = (await placedText(pdf)).filter((item) => item.text.endsWith('kr'));
    expect(amounts).toHaveLength(2);
    expect(Math.abs(amounts[0].right - amounts[1].right)).toBeLessThan(1);
  });

  it('repeats the header on every page and numbers the pages', async () => {
    const rows = Array.from({ length: 80 }, (_, index) => [`Rad ${index + 1}`, String(index)]);
    const pdf = await render((doc) => table(doc, ['Vara', 'Antal'], rows, [200, 100]));
    const placed = await placedText(pdf);
    const pages = Math.max(...placed.map((item) => item.page));
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      expect(placed.filter((item) => item.page === page && item.text === 'Vara')).toHaveLength(1);
      expect(placed.some((item) => item.page === page && item.text.includes(`Sida ${page} av ${pages}`))).toBe(true);
    }
    expect(placed.filter((item) => /^Rad \d+$/.test(item.text))).toHaveLength(80);
  });
});
