import { formatDate, formatFileSize } from './formatting';

describe('formatFileSize', () => {
  it('uses the Dutch decimal comma and binary multiples', () => {
    expect(formatFileSize(1.2 * 1024 * 1024, 'nl')).toBe('1,2 MB');
    expect(formatFileSize(1536, 'nl')).toBe('1,5 KB');
    expect(formatFileSize(25 * 1024 * 1024, 'nl')).toBe('25 MB');
  });

  it('uses the English decimal point', () => {
    expect(formatFileSize(1.2 * 1024 * 1024, 'en')).toBe('1.2 MB');
  });

  it('shows whole bytes below 1 KB', () => {
    expect(formatFileSize(0, 'nl')).toBe('0 bytes');
    expect(formatFileSize(999, 'nl')).toBe('999 bytes');
  });

  it('carries a rounded 1024 into the next unit', () => {
    expect(formatFileSize(1024 * 1024 - 10, 'nl')).toBe('1 MB');
  });

  it('formats gigabytes', () => {
    expect(formatFileSize(3.25 * 1024 ** 3, 'en')).toBe('3.3 GB');
  });
});

describe('formatDate', () => {
  it('writes the day in the interface language', () => {
    expect(formatDate('2026-03-03T13:05:00.000Z', 'nl')).toBe('3 mrt 2026');
    expect(formatDate('2026-03-03T13:05:00.000Z', 'en')).toBe('3 Mar 2026');
  });
});
