import { endingSoonWindowMs } from './endingSoon';

describe('endingSoonWindowMs', () => {
  it('defaults to seven days and reads an ISO 8601 duration', () => {
    expect(endingSoonWindowMs(undefined)).toBe(7 * 86_400_000);
    expect(endingSoonWindowMs('P14D')).toBe(14 * 86_400_000);
    expect(endingSoonWindowMs('PT12H')).toBe(12 * 3_600_000);
  });

  it('stops the start with a message that names the setting', () => {
    for (const bad of ['7 days', 'P0D', '']) {
      expect(() => endingSoonWindowMs(bad)).toThrow(
        `dataProducts.notifications.endingSoonWindow must be a positive ISO 8601 duration such as P7D, not "${bad}"`,
      );
    }
  });
});
