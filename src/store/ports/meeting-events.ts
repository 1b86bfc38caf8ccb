// The meeting events port: Teams meeting start and end, handled once per meeting however often
// Teams repeats the event and whichever instance receives it.

export interface MeetingEvent {
  meetingId: string;
  kind: 'start' | 'end';
  conversationId: string;
}

export interface MeetingEventsPort {
  /** Records that a Teams meeting started or ended; false when it was recorded before (a repeat). */
  recordMeetingEvent(e: MeetingEvent): Promise<boolean>;
}
