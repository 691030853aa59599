import { convertToParamMap } from '@angular/router';
import { parseCustomerQuery } from './customer-list';

describe('parseCustomerQuery', () => {
  it('reads search, type, sort and page from the URL', () => {
    expect(parseCustomerQuery(convertToParamMap({ q: ' acme ', type: 'organisation', sort: 'name', dir: 'desc', page: '3' }))).toEqual({
      q: 'acme',
      type: 'organisation',
      sort: 'name',
      dir: 'desc',
      page: 3,
    });
  });

  it('ignores values the API would reject', () => {
    expect(parseCustomerQuery(convertToParamMap({ type: 'robot', sort: 'email', dir: 'up', page: '-1' }))).toEqual({
      q: '',
      type: null,
      sort: null,
      dir: null,
      page: 1,
    });
  });
});
