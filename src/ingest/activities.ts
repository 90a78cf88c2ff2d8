import type { Readable } from 'node:stream';
import {
  type Activity,
  ACTIVITY_TYPES,
  type ActivityType,
  channelOfType,
  MINUTE_UNITS,
  SALES_CHANNELS,
  type SalesChannel,
} from '../engine/activity.js';
import { parseDecimal } from '../engine/money.js';
import {
  type InputProfile,
  type InputRow,
  type InputSpec,
  readInputTable,
  type ReadInputResult,
  wordClassifier,
} from './input-table.js';
import type { RowProblem } from './row-problem.js';

/** The columns of an activities export. */
export const ACTIVITY_FIELDS = [
  'date',
  'owner',
  'type',
  'duration_minutes',
  'deal_id',
  'account_id',
  'outcome',
  'channel',
  'team',
] as const;

export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** The activity columns, and the other headers each goes by (Salesforce, HubSpot, Japanese exports). */
export const ACTIVITY_SPEC: InputSpec<ActivityField> = {
  input: 'activities',
  fields: ACTIVITY_FIELDS,
  required: ['date', 'owner', 'type'],
  synonyms: {
    date: ['activity_date', 'activity date', 'due date', '日付', '活動日', '実施日', '日時', '期日'],
    owner: [
      'assigned',
      'assigned to',
      'activity owner',
      'activity assigned to',
      '担当者',
      '任命先',
      '所有者',
      '活動担当者',
    ],
    type: ['activity type', 'task subtype', 'subtype', '種別', '活動種別', '種類', '活動の種類', '活動区分'],
    duration_minutes: [
      'duration',
      'duration (minutes)',
      'minutes',
      '所要時間',
      '所要時間(分)',
      '所要時間（分）',
      '時間(分)',
      '時間（分）',
    ],
    deal_id: ['opportunity id', 'opportunity_id', '商談 id', '商談id', '案件番号'],
    account_id: ['account id', '取引先 id', '取引先id', '顧客id', '顧客 id'],
    outcome: ['result', 'call result', 'call outcome', '結果', '成果', '架電結果'],
    channel: ['チャネル'],
    team: ['チーム', '部署', '所属'],
  },
};

/** Built-in words for each activity type; the config file's `activities.types` adds more. */
const TYPE_WORDS: Readonly<Record<ActivityType, readonly string[]>> = {
  call: ['phone', 'phone call', 'telephone', 'calls', '電話', '架電', 'コール', 'テレアポ'],
  email: ['e-mail', 'mail', 'emails', 'メール', 'eメール', '電子メール'],
  meeting: ['meetings', '商談', '打ち合わせ', '打合せ', 'ミーティング', '面談'],
  visit: ['visits', 'site visit', 'field visit', '訪問', '往訪'],
  video: [
    'video call',
    'web meeting',
    'online meeting',
    'zoom',
    'teams',
    'web会議',
    'オンライン商談',
    'ビデオ会議',
    'オンライン会議',
  ],
  other: ['その他'],
};

/** Built-in words for `appointment_set`; any other outcome is no appointment. */
const OUTCOME_WORDS: Readonly<Record<'appointment_set' | 'other', readonly string[]>> = {
  appointment_set: [
    'appointment set',
    'meeting set',
    'meeting booked',
    'appointment booked',
    'アポ獲得',
    'アポ取得',
    'アポイント獲得',
  ],
  other: [],
};

const CHANNEL_WORDS: Readonly<Record<SalesChannel, readonly string[]>> = {
  inside: ['inside sales', 'インサイド', 'インサイドセールス', '内勤'],
  outside: ['outside sales', 'field', 'field sales', 'フィールド', 'フィールドセールス', '外勤'],
};

/** How an activities export is written: its config file section and the flags. */
export interface ActivitiesProfile extends InputProfile {
  /** Word → type, e.g. `{ テレアポ: call }`. */
  types?: Readonly<Record<string, ActivityType>>;
  /** Word → outcome: `appointment_set`, or `other` for none. */
  outcomes?: Readonly<Record<string, 'appointment_set' | 'other'>>;
  /** Word → channel. */
  channels?: Readonly<Record<string, SalesChannel>>;
}

/** How to read an activities file. */
export interface ReadActivitiesOptions {
  /** File name used in messages. */
  file: string;
  profile?: ActivitiesProfile;
  /** Called with each valid activity and the deal it is about (`''` for none), in file order. */
  onActivity(activity: Activity, dealId: string): void;
  onReject(problems: RowProblem[], fields: readonly string[], header: readonly string[]): void;
}

/** What reading an activities file came to. `rows` = `used` + `rejected`, always. */
export interface ReadActivitiesResult extends ReadInputResult<ActivityField> {
  /** Whether the file has a duration column (else hour metrics are null). */
  hasDurations: boolean;
}

/**
 * Streams an activities CSV: `date` (a date or a date-time), `owner` and
 * `type` required; `duration_minutes` (a decimal, empty is 0), `deal_id`,
 * `account_id`, `outcome` (`appointment_set` marks a meeting set),
 * `channel` (`inside`/`outside`; default from the type) and `team`
 * optional. A row is rejected for a missing required value, a bad date, an
 * unknown type or channel, or a duration that is not a non-negative number.
 */
export async function readActivities(input: Readable, options: ReadActivitiesOptions): Promise<ReadActivitiesResult> {
  const profile = options.profile ?? {};
  const typeOf = wordClassifier(TYPE_WORDS, profile.types);
  const outcomeOf = wordClassifier(OUTCOME_WORDS, profile.outcomes);
  const channelOf = wordClassifier(CHANNEL_WORDS, profile.channels);
  let dealId = '';
  const parse = (row: InputRow<ActivityField>): Activity => {
    const day = row.date('date');
    const owner = row.required('owner');
    const type = row.choice('type', row.required('type'), typeOf, {
      allowed: ACTIVITY_TYPES,
      config: 'activities.types',
    });
    let minutes = 0;
    const rawMinutes = row.get('duration_minutes');
    if (rawMinutes !== '') {
      // Minutes are counted in 1/10,000, the scale of parseDecimal.
      const m = parseDecimal(rawMinutes) ?? parseDecimal(rawMinutes.normalize('NFKC').trim());
      if (m === null || m < 0) row.problem({ code: 'bad_duration', column: 'duration_minutes', value: rawMinutes });
      else minutes = (m * MINUTE_UNITS) / 10_000;
    }
    let channel: SalesChannel | undefined = row.choice('channel', row.get('channel'), channelOf, {
      allowed: SALES_CHANNELS,
      config: 'activities.channels',
    });
    const t = type ?? 'other';
    channel ??= channelOfType(t);
    const outcome = row.get('outcome');
    dealId = row.get('deal_id');
    return {
      day: day ?? 0,
      type: t,
      minutes,
      appointmentSet: outcome !== '' && outcomeOf(outcome) === 'appointment_set',
      channel,
      owner,
      team: row.get('team'),
    };
  };
  const result = await readInputTable(input, {
    file: options.file,
    spec: ACTIVITY_SPEC,
    profile,
    parse,
    onRecord: (a) => options.onActivity(a, dealId),
    onReject: options.onReject,
  });
  return { ...result, hasDurations: result.columns.duration_minutes !== undefined };
}
