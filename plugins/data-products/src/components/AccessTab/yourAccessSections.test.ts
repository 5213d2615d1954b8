import { accessRequest } from './testData';
import { yourAccessSections } from './yourAccessSections';

const now = new Date('2026-11-28T12:00:00Z');

describe('yourAccessSections', () => {
  it('puts access in force and open requests first, newest first, and the rest in the past', () => {
    const items = [
      accessRequest({
        id: 'old-grant',
        status: 'approved',
        createdAt: '2026-01-01T00:00:00Z',
      }),
      accessRequest({
        id: 'rejected',
        status: 'rejected',
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-02T00:00:00Z',
      }),
      accessRequest({
        id: 'pending',
        status: 'pending',
        createdAt: '2026-11-20T00:00:00Z',
      }),
      accessRequest({
        id: 'cancelled',
        status: 'cancelled',
        createdAt: '2026-10-01T00:00:00Z',
        updatedAt: '2026-11-25T00:00:00Z',
      }),
      accessRequest({
        id: 'revoked',
        status: 'revoked',
        createdAt: '2026-02-01T00:00:00Z',
        updatedAt: '2026-03-01T00:00:00Z',
      }),
      accessRequest({
        id: 'expired',
        status: 'expired',
        createdAt: '2026-05-01T00:00:00Z',
        updatedAt: '2026-08-01T00:00:00Z',
      }),
      accessRequest({
        id: 'new-grant',
        status: 'approved',
        createdAt: '2026-11-10T00:00:00Z',
      }),
    ];
    const { current, past } = yourAccessSections(items, now);
    expect(current.map(r => r.id)).toEqual([
      'pending',
      'new-grant',
      'old-grant',
    ]);
    // Most recently closed first.
    expect(past.map(r => r.id)).toEqual([
      'cancelled',
      'rejected',
      'expired',
      'revoked',
    ]);
  });

  it('counts a grant whose end date has passed as past, closed on its end date', () => {
    const ranOut = accessRequest({
      id: 'ran-out',
      status: 'approved',
      endsAt: '2026-11-27T00:00:00Z',
    });
    const rejected = accessRequest({
      id: 'rejected',
      status: 'rejected',
      updatedAt: '2026-11-26T00:00:00Z',
    });
    const { current, past } = yourAccessSections([rejected, ranOut], now);
    expect(current).toEqual([]);
    expect(past.map(r => r.id)).toEqual(['ran-out', 'rejected']);
  });
});
