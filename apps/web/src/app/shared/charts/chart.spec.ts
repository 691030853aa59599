import { addMonths, ChartGroup, groupByMonth, groupTotal, monthRange, niceAxis, niceStep, stackSegments } from './chart';

const label = (month: string) => ({ short: month.slice(5), long: month, year: month.slice(0, 4) });

describe('chart scaling', () => {
  it('steps by 1, 2 or 5 times a power of ten, never below 1', () => {
    expect([0, 0.4, 1, 1.5, 2.5, 7, 12, 30, 260].map(niceStep)).toEqual([1, 1, 1, 2, 5, 10, 20, 50, 500]);
  });

  it('makes an axis from 0 that holds the largest value', () => {
    expect(niceAxis(6)).toEqual({ max: 6, ticks: [0, 2, 4, 6] });
    expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceAxis(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceAxis(1234).max).toBe(1500);
  });

  it('stacks segments bottom up in series order and skips empty ones', () => {
    const group: ChartGroup = { key: '2026-11', label: 'nov', longLabel: 'november 2026', values: { P3: 10, P6: 0, P7: 30 } };
    const series = [{ key: 'P3', label: 'P3' }, { key: 'P6', label: 'P6' }, { key: 'P7', label: 'P7' }];
    expect(groupTotal(group)).toBe(40);
    expect(stackSegments(group, series, 40, 160)).toEqual([
      { series: 'P3', index: 0, value: 10, y: 120, height: 40 },
      { series: 'P7', index: 2, value: 30, y: 0, height: 120 },
    ]);
  });
});

describe('months', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2026-11', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('buckets rows per month, keeps empty months and months outside the range, and labels years', () => {
    const rows = [
      { month: '2026-12', purpose: 'P6', records: 2 },
      { month: '2026-12', purpose: 'P3', records: 1 },
      { month: '2026-12', purpose: 'P6', records: 3 },
      { month: '2027-02', purpose: 'P7', records: 4 },
    ];
    const groups = groupByMonth(rows, monthRange('2026-11', 2), (row) => ({ [row.purpose]: row.records }), label);
    expect(groups.map((g) => [g.key, g.values, g.sublabel])).toEqual([
      ['2026-11', {}, '2026'],
      ['2026-12', { P6: 5, P3: 1 }, undefined],
      ['2027-02', { P7: 4 }, undefined],
    ]);
  });
});
