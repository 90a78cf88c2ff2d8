import type { SurveyResponse } from '../engine/survey.js';
import type { ReadInputResult } from '../ingest/input-table.js';
import { readSurveys, type SurveyField } from '../ingest/surveys.js';
import type { DealsInputOptions } from './deals-input.js';
import { ingestInput, inputProfile } from './input-reading.js';
import type { CliIO } from './io.js';

/** Reads `--surveys FILE`; `null` when invalid rows stop the run. */
export function ingestSurveys(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  onResponse: (response: SurveyResponse) => void,
): Promise<ReadInputResult<SurveyField> | null> {
  const { profile, section } = inputProfile(io, opts, 'surveys');
  const types = section?.types;
  return ingestInput(io, file, opts, 'surveys', (stream, name, onReject) =>
    readSurveys(stream, {
      file: name,
      profile: { ...profile, ...(types === undefined ? {} : { types }) },
      onResponse,
      onReject,
    }),
  );
}
