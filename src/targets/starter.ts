/** The path of the shipped JSON Schema, relative to a project that installed salesmetrics. */
export const SCHEMA_PATH = './node_modules/salesmetrics/schema/targets.schema.json';

/** The commented starter target file `salesmetrics init` writes. */
export const STARTER_TARGETS = `# yaml-language-server: $schema=${SCHEMA_PATH}
# salesmetrics targets: the goal (KGI), what must go right (CSFs) and the
# leading indicators that track it (KPIs). Check with:
#   salesmetrics check deals.csv --targets targets.yaml
version: 1

# The window KPIs are checked over (inclusive dates); --from/--to override.
window: { from: 2025-04-01, to: 2026-03-31 }
fiscal_year_start: 4          # the fiscal year starts in April (年度)
period: month                 # period of each_period checks: week, month, quarter, year

# KGIs: specific, measurable, time-bound goals.
kgis:
  - id: fy2025-revenue
    name: FY2025 revenue ¥120M
    metric: revenue           # any metric of docs/metrics.md
    target: 120000000         # currency units; rates as 0..1
    deadline: 2026-03-31
    # start: 2025-04-01       # default: window.from
    # behind: fail            # being behind pace fails instead of warning

# CSFs: the critical success factors behind a KGI.
csfs:
  - id: qualified-handoff
    name: Inside sales hands field sales qualified meetings
    kgi: fy2025-revenue

# KPIs: bounds are inclusive; a value on the bound passes.
kpis:
  - id: win-rate
    metric: win_rate
    min: 0.25                 # fails below
    warn: { min: 0.30 }       # warns below, when not failing
    csf: qualified-handoff
    # by: team                # every team must meet it
    # each_period: true       # every period must meet it, not only the window
  - id: cycle
    metric: sales_cycle_days_median
    max: 45
    when_missing: warn        # fail (default), warn or pass when there is no value
`;
