/** A message body holds at most this many characters (SPEC §5; the server enforces the same). */
export const MESSAGE_MAX_LENGTH = 4000;

/**
 * Remaining-character counts at which the live region speaks (once, on the way down): a
 * screen-reader user hears the limit coming without every keystroke being announced.
 */
export const ANNOUNCE_REMAINING = [500, 100] as const;

/**
 * The text cut to `max` UTF-16 units (what `String.length` and the counter count), never
 * splitting a surrogate pair: an emoji on the boundary goes as a whole.
 */
export function cutToLimit(text: string, max = MESSAGE_MAX_LENGTH): string {
  if (text.length <= max) {
    return text;
  }
  const high = text.charCodeAt(max - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * The remaining-count threshold crossed when the length went from `before` to `after`
 * (typing or pasting towards the limit), or null when none was.
 */
export function crossedThreshold(before: number, after: number, max = MESSAGE_MAX_LENGTH): number | null {
  const remainingBefore = max - before;
  const remainingAfter = max - after;
  // One change can pass several thresholds (a paste): the lowest one passed is announced.
  let crossed: number | null = null;
  for (const threshold of ANNOUNCE_REMAINING) {
    if (remainingBefore > threshold && remainingAfter <= threshold && remainingAfter > 0) {
      crossed = crossed === null ? threshold : Math.min(crossed, threshold);
    }
  }
  return crossed;
}
