import type { Activity } from '../engine/activity.js';
import { readActivities, type ReadActivitiesResult } from '../ingest/activities.js';
import type { DealsInputOptions } from './deals-input.js';
import { ingestInput, inputProfile } from './input-reading.js';
import type { CliIO } from './io.js';

/**
 * Reads `--activities FILE`, passing each valid activity and the deal it is
 * about to `onActivity`; `null` when invalid rows stop the run.
 */
export function ingestActivities(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  onActivity: (activity: Activity, dealId: string) => void,
): Promise<ReadActivitiesResult | null> {
  const { profile, section } = inputProfile(io, opts, 'activities');
  const words = section;
  return ingestInput(io, file, opts, 'activities', (stream, name, onReject) =>
    readActivities(stream, {
      file: name,
      profile: {
        ...profile,
        ...(words?.types === undefined ? {} : { types: words.types }),
        ...(words?.outcomes === undefined ? {} : { outcomes: words.outcomes }),
        ...(words?.channels === undefined ? {} : { channels: words.channels }),
      },
      onActivity,
      onReject,
    }),
  );
}
