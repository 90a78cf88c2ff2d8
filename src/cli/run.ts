import { Argument, Command, CommanderError, Option } from 'commander';
import { DIMENSIONS } from '../engine/deal.js';
import { GRANULARITIES } from '../engine/periods.js';
import { PRESET_NAMES } from '../ingest/presets.js';
import { SalesmetricsError, UsageError } from '../errors.js';
import { toJsonError } from '../reporters/json.js';
import { type CliIO, EXIT } from './io.js';
import { collectMapping, parseDateOption, parseMonthOption } from './options.js';
import type { CheckCommandOptions } from './check-command.js';
import type { ReportCommandOptions } from './report-command.js';
import { VERSION } from './version.js';

const REPORT_EXAMPLES = `
Examples:
  $ salesmetrics report fixtures/deals.csv
  $ salesmetrics report deals.csv --period quarter --fiscal-year-start 4 --by team
  $ salesmetrics report deals.csv --from 2025-04-01 --to 2026-03-31 --format json
  $ cat deals.csv | salesmetrics report - --format csv > metrics.csv
  $ salesmetrics report export.csv --map deal_id='Opportunity ID' --map stage='Deal Stage'
  $ salesmetrics report deals.csv --skip-invalid --rejects rejected.csv

Exit codes: 0 success, 1 a target missed (with --targets), 2 usage, configuration or input error.`;

const CHECK_EXAMPLES = `
Examples:
  $ salesmetrics init
  $ salesmetrics check deals.csv --targets targets.yaml
  $ salesmetrics check deals.csv --targets targets.yaml --as-of 2025-09-30 --format json
  $ salesmetrics check deals.csv --targets targets.yaml --format junit > salesmetrics.xml
  $ salesmetrics check deals.csv --targets targets.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"

Exit codes: 0 nothing failed (warnings allowed), 1 a KPI or KGI failed (or warned, with
--fail-on warn), 2 usage, target-file or input error.`;

/** The options every command that reads a deals export takes. */
function dealsInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--preset <crm>', 'the CRM export (default: detected from the header)').choices(PRESET_NAMES))
    .option(
      '--map <field=Header>',
      "read a field from another column, e.g. --map deal_id='Opportunity ID' (repeatable)",
      collectMapping,
      {},
    )
    .option('--config <file>', 'column mappings and formats (default: salesmetrics.config.yaml when present)')
    .option('--encoding <name>', 'auto (default: BOM, else UTF-8, else CP932), utf8, utf16, cp932')
    .option('--date-format <format>', 'format of dates such as 01/02/2025: MM/DD/YYYY, DD/MM/YYYY, …')
    .option('--decimal-comma', 'amounts are written 1.234,56')
    .option('--rates <file>', 'CSV of currency,rate: convert every amount to --currency')
    .option('--currency <code>', 'the currency --rates converts to, e.g. JPY')
    .option('--skip-invalid', 'leave invalid rows out (counted, with a warning) instead of failing', false)
    .option('--rejects <file>', 'write rejected rows to this CSV file, with a reason column');
}

// Command modules are imported when their command runs, so that `--version`
// and `--help` load commander alone and start fast.
function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('salesmetrics')
    .description('Sales metrics you can trust, from CRM/SFA CSV exports.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // re-worded in run()
    })
    .showSuggestionAfterError(true);

  const report = program
    .command('report')
    .description('compute revenue, win rate, deal size, sales cycle, new customers and retention from a deals CSV')
    .argument('<file>', 'deals CSV file, or - for standard input')
    .option('--from <date>', 'first day of the window, YYYY-MM-DD (default: first month in the file)', parseDateOption)
    .option('--to <date>', 'last day of the window, YYYY-MM-DD (default: last month in the file)', parseDateOption)
    .addOption(
      new Option('--period <period>', "period of the rows (default: month, or the target file's)").choices(
        GRANULARITIES,
      ),
    )
    .option(
      '--fiscal-year-start <month>',
      'first month of the fiscal year, 1..12 (4 for 年度; default 1)',
      parseMonthOption,
    )
    .addOption(new Option('--by <column>', 'also report each group of this column').choices(DIMENSIONS))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'));
  dealsInputOptions(report)
    .option('--targets <file>', 'also check KGI/KPI targets from this YAML file (exit 1 when one fails)')
    .option('--as-of <date>', 'with --targets: the date targets are checked as of (default: today)', parseDateOption)
    .option('--no-color', 'no colours (also off under NO_COLOR or when not a terminal)')
    .addHelpText('after', REPORT_EXAMPLES)
    .action(async (file: string, opts: ReportCommandOptions) => {
      const { reportCommand } = await import('./report-command.js');
      setExit(await reportCommand(io, file, opts));
    });
  const check = program
    .command('check')
    .description('check deals against KGI/KPI targets from a YAML file; exit 1 when a target is missed')
    .argument('<file>', 'deals CSV file, or - for standard input')
    .requiredOption('--targets <file>', 'the target file (YAML; see salesmetrics init)')
    .option('--as-of <date>', 'check as of this date, YYYY-MM-DD (default: today)', parseDateOption)
    .option('--from <date>', 'first day of the KPI window (default: the target file, else the file)', parseDateOption)
    .option('--to <date>', 'last day of the KPI window (default: the target file, else the file)', parseDateOption)
    .addOption(
      new Option('--period <period>', 'period of each_period checks (default: the target file, else month)').choices(
        GRANULARITIES,
      ),
    )
    .option(
      '--fiscal-year-start <month>',
      'first month of the fiscal year, 1..12 (default: the target file, else 1)',
      parseMonthOption,
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown', 'junit']).default('table'),
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 1 on failures only, or on warnings too')
        .choices(['fail', 'warn'])
        .default('fail'),
    );
  dealsInputOptions(check)
    .option('--no-color', 'no colours (also off under NO_COLOR or when not a terminal)')
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (file: string, opts: CheckCommandOptions) => {
      const { checkCommand } = await import('./check-command.js');
      setExit(await checkCommand(io, file, opts));
    });

  program
    .command('init')
    .description('write a commented starter target file')
    .option('--targets <file>', 'where to write it', 'targets.yaml')
    .option('--force', 'overwrite an existing file', false)
    .action(async (opts: { targets: string; force: boolean }) => {
      const { initCommand } = await import('./targets-commands.js');
      setExit(initCommand(io, opts));
    });

  program
    .command('schema')
    .description('print the JSON Schema of a file format')
    .addArgument(new Argument('<format>', 'the file format').choices(['targets']))
    .action(async () => {
      const { schemaCommand } = await import('./targets-commands.js');
      setExit(schemaCommand(io));
    });
  return program;
}

function wantsJson(argv: readonly string[]): boolean {
  const i = argv.indexOf('--format');
  return (i >= 0 && argv[i + 1] === 'json') || argv.includes('--format=json');
}

/**
 * The whole CLI: parses `io.argv`, runs the command, writes to `io.stdout`
 * and `io.stderr`, and returns the exit code (0 success, 2 usage or input
 * error). Never calls `process.exit`. Unexpected errors are re-thrown.
 */
export async function run(io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...io.argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok; // --help, --version
      return fail(io, new UsageError(err.code.replace(/^commander\./, ''), usageMessage(err)));
    }
    if (err instanceof SalesmetricsError) return fail(io, err);
    throw err;
  }
}

function usageMessage(err: CommanderError): string {
  const text = err.message.replace(/^error: /, '');
  return err.code === 'commander.help' ? 'a command is required' : `${text}; see salesmetrics --help`;
}

function fail(io: CliIO, err: SalesmetricsError): number {
  if (wantsJson(io.argv)) io.stdout.write(JSON.stringify(toJsonError(err)) + '\n');
  for (const line of err.message.split('\n')) io.stderr.write(`salesmetrics: ${line}\n`);
  return EXIT.error;
}
