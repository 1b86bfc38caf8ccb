// The meeting events port, on every store: a Teams meeting's start and end are each taken once,
// however often Teams repeats them and whichever instance receives them.
import { expect, it } from 'vitest';
import { describeStores } from '../helpers/stores.ts';

describeStores('meeting events', ({ open }) => {
  it('takes each start and end once, across instances receiving them at the same moment', async () => {
    const stores = [await open(), await open()];
    const event = (kind: 'start' | 'end') => ({
      meetingId: 'MCMxOTptZWV0aW5n',
      kind,
      conversationId: '19:møte',
    });
    const starts = await Promise.all(
      Array.from({ length: 10 }, (_, n) => stores[n % 2]!.recordMeetingEvent(event('start'))),
    );
    expect(starts.filter(Boolean)).toHaveLength(1);
    expect(await stores[1]!.recordMeetingEvent(event('end'))).toBe(true);
    expect(await stores[0]!.recordMeetingEvent(event('end'))).toBe(false);
    expect(await stores[0]!.recordMeetingEvent({ ...event('start'), meetingId: 'neste' })).toBe(true);
  });
});
