import { MESSAGE_MAX_LENGTH, crossedThreshold, cutToLimit } from './body-limit';

describe('cutToLimit', () => {
  it('keeps text up to the limit and cuts what is beyond it', () => {
    expect(MESSAGE_MAX_LENGTH).toBe(4000);
    expect(cutToLimit('a'.repeat(4000))).toHaveLength(4000);
    expect(cutToLimit('a'.repeat(4001))).toBe('a'.repeat(4000));
    expect(cutToLimit('abcdef', 3)).toBe('abc');
  });

  it('never leaves half an emoji', () => {
    expect(cutToLimit('ab😀', 3)).toBe('ab');
  });
});

describe('crossedThreshold', () => {
  it('speaks at 500 and 100 characters left, not on every keystroke', () => {
    expect(crossedThreshold(3499, 3500)).toBe(500);
    expect(crossedThreshold(3500, 3501)).toBeNull();
    expect(crossedThreshold(3899, 3900)).toBe(100);
    expect(crossedThreshold(10, 11)).toBeNull();
  });

  it('speaks once, with the lowest threshold, when a paste passes both', () => {
    expect(crossedThreshold(100, 3950)).toBe(100);
  });

  it('leaves the limit itself to the dialog, and is silent when deleting', () => {
    expect(crossedThreshold(3950, 4000)).toBeNull();
    expect(crossedThreshold(3950, 3000)).toBeNull();
  });
});
