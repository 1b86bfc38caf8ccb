// Time as the bot sees it. Everything that waits or asks the time goes through a Clock, so tests
// can run the schedule, throttling and back-off on a clock they move themselves.
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Dates as members mean them: meetings are in Europe/Oslo. */
export function osloToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
