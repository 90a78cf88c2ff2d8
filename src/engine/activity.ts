import type { Day } from './calendar.js';

/** What kind of sales activity a row is. */
export type ActivityType = 'call' | 'email' | 'meeting' | 'visit' | 'video' | 'other';

export const ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'email', 'meeting', 'visit', 'video', 'other'];

/** Inside sales (phone, e-mail, video) or outside (field) sales. */
export type SalesChannel = 'inside' | 'outside';

export const SALES_CHANNELS: readonly SalesChannel[] = ['inside', 'outside'];

/** The channel of an activity that does not name one: visits and meetings are outside, the rest inside. */
export function channelOfType(type: ActivityType): SalesChannel {
  return type === 'visit' || type === 'meeting' ? 'outside' : 'inside';
}

/** Units of a minute that durations are counted in: 1/10,000, so `12.5` minutes is exact. */
export const MINUTE_UNITS = 10_000;

/** One sales activity (call, e-mail, meeting, visit, …) as the engine sees it. */
export interface Activity {
  day: Day;
  type: ActivityType;
  /** Duration in 1/10,000 of a minute ({@link MINUTE_UNITS}); 0 when not given. */
  minutes: number;
  /** Whether it set a meeting (outcome `appointment_set`). */
  appointmentSet: boolean;
  /** The activity's channel: as written, else from its type ({@link channelOfType}). */
  channel: SalesChannel;
  /** Who did it. */
  owner: string;
  /** Their team; `''` when the file does not say. */
  team: string;
}
