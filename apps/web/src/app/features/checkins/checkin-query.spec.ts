import { convertToParamMap } from '@angular/router';
import { checkinRequest, parseCheckinQuery } from './checkin-query';

describe('parseCheckinQuery', () => {
  it('shows the devices in the shop by default', () => {
    const query = parseCheckinQuery(convertToParamMap({}));
    expect(query).toEqual({ show: 'inShop', status: null, q: '', page: 1 });
    expect(checkinRequest(query)).toEqual({ inShop: true, status: undefined, q: undefined, page: 1, pageSize: 25 });
  });

  it('finds returned devices by receipt number or name when asked for all', () => {
    const query = parseCheckinQuery(convertToParamMap({ show: 'all', q: ' 1042 ', status: 'returned', page: '2' }));
    expect(checkinRequest(query)).toEqual({ inShop: undefined, status: 'returned', q: '1042', page: 2, pageSize: 25 });
  });

  it('ignores unknown statuses', () => {
    expect(parseCheckinQuery(convertToParamMap({ status: 'lost' })).status).toBeNull();
  });
});
