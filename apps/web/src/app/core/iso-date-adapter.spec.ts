import { dateToIso, IsoDateAdapter, isoToDate, ISO_FORMAT } from './iso-date-adapter';
import { TestBed } from '@angular/core/testing';

describe('ISO dates', () => {
  it('convert between YYYY-MM-DD and local dates, rejecting impossible days', () => {
    expect(dateToIso(isoToDate('2031-06-30'))).toBe('2031-06-30');
    expect(dateToIso(isoToDate('20240229'))).toBe('2024-02-29');
    expect(isoToDate('2025-02-29')).toBeNull();
    expect(isoToDate('2026-13-01')).toBeNull();
    expect(isoToDate('30/06/2031')).toBeNull();
    expect(dateToIso(null)).toBeNull();
  });

  it('the date adapter shows and reads YYYY-MM-DD whatever the locale', () => {
    TestBed.configureTestingModule({ providers: [IsoDateAdapter] });
    const adapter = TestBed.inject(IsoDateAdapter);
    adapter.setLocale('en-US');
    const date = adapter.parse('2027-06-30', ISO_FORMAT);
    expect(date && adapter.format(date, ISO_FORMAT)).toBe('2027-06-30');
    expect(adapter.isValid(adapter.parse('2027-02-31', ISO_FORMAT) as Date)).toBe(false);
    expect(adapter.parse('', ISO_FORMAT)).toBeNull();
    expect(adapter.getFirstDayOfWeek()).toBe(1);
  });
});
