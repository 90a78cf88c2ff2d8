/*
 * Reads one part of a deals file (see split-read.ts): the part's bytes, with
 * the header the first part found, into aggregates of the options given.
 * The first part is read in the main thread, the others in worker threads
 * (deals-worker.ts); each part's deal ids go to files the main thread checks.
 */
import { createReadStream } from 'node:fs';
import { addDealToInputs, createInputAggregates } from '../engine/input-report.js';
import type { Encoding } from './decode.js';
import { notesOf, readDeals } from './deals.js';
import { IdLog } from './id-log.js';
import type { RowProblem } from './row-problem.js';
import type { HeaderMessage, PartReply, PartTask } from './split-read.js';

/**
 * Reads the part `task`; `given` is the header of the first part, for the
 * others. The first part calls `onHeader` once it found the header.
 */
export async function readPart(
  task: PartTask,
  given: HeaderMessage | undefined,
  onHeader: (header: readonly string[], encoding: Encoding) => void = () => {},
): Promise<Extract<PartReply, { ok: true }>> {
  // The deals and the funnel taken from them; the other inputs are read elsewhere.
  const none = { activities: false, costs: false, surveys: false };
  const aggregates = task.aggregates.map((o) => createInputAggregates(o, none));
  const ids = new IdLog(task.ids.capacity, task.ids.name, { expectedRows: task.expectedRows, dir: task.ids.dir });
  const rejected: RowProblem[][] = [];
  let read;
  try {
    read = await readDeals(createReadStream(task.path, { start: task.start, end: task.end }), {
      file: task.file,
      profile: given === undefined ? task.profile : { ...task.profile, encoding: given.encoding },
      ...(given === undefined ? {} : { header: given.header }),
      ids,
      onHeader,
      onDeal(deal) {
        for (let i = 0; i < aggregates.length; i++) addDealToInputs(aggregates[i] as (typeof aggregates)[number], deal);
      },
      onReject(problems) {
        if (rejected.length < task.keepRejected) rejected.push(problems);
      },
    });
  } catch (err) {
    ids.close();
    throw err;
  }
  // Every part's ids go to disk, where the main thread checks them against the other parts'.
  ids.spill();
  return {
    ok: true,
    read,
    notes: [...notesOf(read)],
    rejected,
    ids: ids.close(),
    aggregates: aggregates.map((a) => ({ deals: a.deals, handoffs: a.handoffs })),
  };
}
