import type { InputMetricDefinition } from './input-facts.js';

/**
 * `call_to_appointment_rate` = appointments_set / activities_call in P:
 * appointments per call (an appointment booked by e-mail counts too, so the
 * rate can pass 1); `null` when there was no call.
 */
export const callToAppointmentRate: InputMetricDefinition = {
  id: 'call_to_appointment_rate',
  label: 'Appts/call',
  kind: 'ratio',
  additive: false,
  better: 'higher',
  input: 'activities',
  compute: (f) => {
    const calls = f.activities?.byType[0] ?? 0;
    return f.activities === null || calls === 0 ? null : f.activities.appointments / calls;
  },
};
