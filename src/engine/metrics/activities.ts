import type { InputMetricDefinition } from './input-facts.js';

/** `activities`: activities dated in P, of every type. */
export const activities: InputMetricDefinition = {
  id: 'activities',
  label: 'Activities',
  kind: 'count',
  additive: true,
  better: 'higher',
  input: 'activities',
  compute: (f) => (f.activities === null ? null : f.activities.byType.reduce((a, b) => a + b, 0)),
};

function ofType(id: string, label: string, index: number): InputMetricDefinition {
  return {
    id,
    label,
    kind: 'count',
    additive: true,
    better: 'higher',
    input: 'activities',
    compute: (f) => (f.activities === null ? null : (f.activities.byType[index] ?? 0)),
  };
}

/** `activities_call`, `activities_email`, …: activities of that type dated in P. */
export const activitiesByType: readonly InputMetricDefinition[] = [
  ofType('activities_call', 'Calls', 0),
  ofType('activities_email', 'Emails', 1),
  ofType('activities_meeting', 'Meetings', 2),
  ofType('activities_visit', 'Visits', 3),
  ofType('activities_video', 'Video', 4),
  ofType('activities_other', 'Other', 5),
];
