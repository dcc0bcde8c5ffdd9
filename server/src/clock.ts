/** Time source of the server. Tests pass a FakeClock to move time without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date = new Date()) { this.current = start.getTime(); }
  now(): Date { return new Date(this.current); }
  advance(ms: number): void { this.current += ms; }
  advanceMinutes(minutes: number): void { this.advance(minutes * 60_000); }
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
