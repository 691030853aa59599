import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { I18n, interpolate, LANGUAGE_STORAGE_KEY } from './i18n.service';
import { sv } from './sv';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translation dictionaries', () => {
  it('have exactly the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(sv[key].trim(), `sv ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });
});

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Swedish by default and remembers a switch to English', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.lang()).toBe('sv');
    expect(i18n.t('nav.customers')).toBe('Kunder');

    i18n.setLanguage('en');
    expect(i18n.t('nav.customers')).toBe('Customers');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the stored language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('fills in placeholders and leaves unknown ones alone', () => {
    expect(interpolate('Kept until {date} ({x})', { date: '2031-06-30' })).toBe('Kept until 2031-06-30 ({x})');
  });
});
