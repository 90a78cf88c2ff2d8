import type { DealField } from './columns.js';

/** What a CRM's deals export looks like. */
export interface Preset {
  name: PresetName;
  /** The CRM, for messages. */
  label: string;
  /** Field → the export's header(s), in order of preference. */
  columns: Partial<Record<DealField, readonly string[]>>;
  /** Values of `stage` (or `status`, when mapped) that mean won and lost, besides won/lost/closed won/closed lost. */
  won: readonly string[];
  lost: readonly string[];
}

export type PresetName = 'salesforce' | 'salesforce-ja' | 'hubspot' | 'pipedrive';

export const PRESET_NAMES: readonly PresetName[] = ['salesforce', 'salesforce-ja', 'hubspot', 'pipedrive'];

/** The presets, each written from its CRM's export format. */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  salesforce: {
    name: 'salesforce',
    label: 'Salesforce report export',
    columns: {
      deal_id: ['Opportunity ID'],
      deal_name: ['Opportunity Name'],
      account_id: ['Account ID'],
      account_name: ['Account Name'],
      owner: ['Opportunity Owner'],
      stage: ['Stage'],
      amount: ['Amount'],
      currency: ['Amount Currency', 'Opportunity Currency'],
      close_date: ['Close Date'],
      created_date: ['Created Date'],
      source: ['Lead Source'],
      probability: ['Probability (%)'],
      forecast_category: ['Forecast Category'],
    },
    won: ['Closed Won'],
    lost: ['Closed Lost'],
  },
  'salesforce-ja': {
    name: 'salesforce-ja',
    label: 'Salesforce report export (Japanese)',
    columns: {
      deal_id: ['商談 ID', '商談ID'],
      deal_name: ['商談名'],
      account_id: ['取引先 ID', '取引先ID'],
      account_name: ['取引先名'],
      owner: ['商談 所有者', '商談所有者'],
      stage: ['フェーズ'],
      amount: ['金額'],
      currency: ['金額 通貨', '商談 通貨'],
      close_date: ['完了予定日'],
      created_date: ['作成日'],
      source: ['リードソース'],
      probability: ['確度 (%)', '確度(%)'],
      forecast_category: ['売上予測分類'],
    },
    won: ['Closed Won', '受注', '成立'],
    lost: ['Closed Lost', '失注', '不成立'],
  },
  hubspot: {
    name: 'hubspot',
    label: 'HubSpot deals export',
    columns: {
      deal_id: ['Record ID'],
      deal_name: ['Deal Name'],
      account_name: ['Associated Company', 'Associated Company (Primary)'],
      owner: ['Deal owner'],
      stage: ['Deal Stage'],
      amount: ['Amount'],
      currency: ['Currency'],
      close_date: ['Close Date'],
      created_date: ['Create Date'],
      source: ['Original Source Type', 'Original Source'],
      probability: ['Deal probability'],
      forecast_category: ['Forecast category'],
    },
    won: ['Closed won', 'closedwon'],
    lost: ['Closed lost', 'closedlost'],
  },
  pipedrive: {
    name: 'pipedrive',
    label: 'Pipedrive deals export',
    columns: {
      deal_id: ['Deal - ID'],
      deal_name: ['Deal - Title'],
      account_name: ['Deal - Organization'],
      owner: ['Deal - Owner'],
      stage: ['Deal - Stage'],
      status: ['Deal - Status'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency'],
      created_date: ['Deal - Deal created'],
      won_date: ['Deal - Won time'],
      lost_date: ['Deal - Lost time'],
      expected_close_date: ['Deal - Expected close date'],
      probability: ['Deal - Probability'],
    },
    won: ['Won'],
    lost: ['Lost'],
  },
};
