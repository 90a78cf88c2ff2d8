import { Argument, Command, CommanderError, type HelpConfiguration, Option } from 'commander';
import { DIMENSIONS } from '../engine/deal.js';
import { GRANULARITIES } from '../engine/periods.js';
import { PRESET_NAMES } from '../ingest/presets.js';
import { SalesmetricsError, UsageError } from '../errors.js';
import { en } from '../i18n/en.js';
import { LANGS, langFromArgv, langFromEnv } from '../i18n/lang.js';
import type { HelpText, Messages } from '../i18n/messages.js';
import { toJsonError } from '../reporters/json.js';
import { type CliIO, EXIT } from './io.js';
import { optionParsers } from './options.js';
import type { AbTestCommandOptions } from './abtest-command.js';
import type { CheckCommandOptions } from './check-command.js';
import type { CohortsCommandOptions } from './cohorts-command.js';
import type { ReportCommandOptions } from './report-command.js';
import type { PipelineCommandOptions } from './pipeline-command.js';
import { VERSION } from './version.js';

/** The options every command that reads a deals export takes. */
function dealsInputOptions(cmd: Command, m: Messages): Command {
  const h = m.help.deals;
  return cmd
    .addOption(new Option('--preset <crm>', h.preset).choices(PRESET_NAMES))
    .option('--map <field=Header>', h.map, optionParsers(m).mapping, {})
    .option('--config <file>', h.config)
    .option('--encoding <name>', h.encoding)
    .option('--date-format <format>', h.dateFormat)
    .option('--decimal-comma', h.decimalComma)
    .option('--rates <file>', h.rates)
    .option('--currency <code>', h.currency)
    .option('--skip-invalid', h.skipInvalid, false)
    .option('--rejects <file>', h.rejects);
}

/** `--jobs`: for the commands that can read a large deals file in parts (into aggregates). */
function jobsOption(cmd: Command, m: Messages): Command {
  return cmd.option('--jobs <n>', m.help.deals.jobs, optionParsers(m).jobs, 'auto' as const);
}

/** The inputs beside deals: activities, costs and survey responses. */
function otherInputOptions(cmd: Command, m: Messages): Command {
  const h = m.help.inputs;
  return cmd
    .option('--activities <file>', h.activities)
    .option('--costs <file>', h.costs)
    .option('--surveys <file>', h.surveys);
}

/** The `--lang` option: commander checks its value; `run` has read it already. */
function langOption(m: Messages): Option {
  return new Option('--lang <lang>', m.help.lang).choices(LANGS);
}

/**
 * Commander's own words in help (`Usage:`, `(choices: …, default: …)`), for
 * a language other than English.
 */
function helpConfiguration(h: HelpText): HelpConfiguration {
  const { titles, words, displayWidth, wrap } = h;
  if (titles === undefined && words === undefined && displayWidth === undefined && wrap === undefined) return {};
  const extra = (
    description: string,
    choices: readonly string[] | undefined,
    defaultValue: unknown,
    defaultDescription: string | undefined,
    showDefault: boolean,
  ): string => {
    const info: string[] = [];
    if (choices !== undefined)
      info.push(`${words?.choices ?? 'choices'}: ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    if (defaultValue !== undefined && showDefault)
      info.push(`${words?.default ?? 'default'}: ${defaultDescription || JSON.stringify(defaultValue)}`);
    if (info.length === 0) return description;
    const list = words === undefined ? `(${info.join(', ')})` : words.list(info);
    return description === '' ? list : `${description}${words === undefined ? ' ' : ''}${list}`;
  };
  return {
    ...(displayWidth === undefined ? {} : { displayWidth }),
    ...(wrap === undefined ? {} : { boxWrap: wrap }),
    styleTitle: (title) => titles?.[title] ?? title,
    // As commander's own, with the words translated.
    optionDescription: (o) =>
      extra(
        o.description,
        o.argChoices,
        o.defaultValue,
        o.defaultValueDescription,
        o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'),
      ),
    argumentDescription: (a) => extra(a.description, a.argChoices, a.defaultValue, a.defaultValueDescription, true),
  };
}

// Command modules are imported when their command runs, so that `--version`
// and `--help` load commander alone and start fast.
function buildProgram(io: CliIO, setExit: (code: number) => void, m: Messages): Command {
  const lang = m.lang;
  const h = m.help;
  const parse = optionParsers(m);
  const program = new Command('salesmetrics')
    .description(h.program)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .helpCommand('help [command]', h.helpCommand)
    .configureHelp(helpConfiguration(h))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // re-worded in run()
    })
    .showSuggestionAfterError(true);

  const report = program
    .command('report')
    .description(h.report.description)
    .argument('<file>', h.file)
    .option('--from <date>', h.report.from, parse.date)
    .option('--to <date>', h.report.to, parse.date)
    .addOption(new Option('--period <period>', h.report.period).choices(GRANULARITIES))
    .option('--fiscal-year-start <month>', h.report.fiscalYearStart, parse.month)
    .addOption(new Option('--by <column>', h.report.by).choices(DIMENSIONS))
    .addOption(new Option('--format <format>', h.format).choices(['table', 'json', 'csv', 'html']).default('table'))
    .option('-o, --output <file>', h.output);
  otherInputOptions(jobsOption(dealsInputOptions(report, m), m), m)
    .option('--targets <file>', h.report.targets)
    .option('--as-of <date>', h.report.asOf, parse.date)
    .option('--no-color', h.noColor)
    .addOption(langOption(m))
    .addHelpText('after', h.report.examples)
    .action(async (file: string, opts: ReportCommandOptions) => {
      const { reportCommand } = await import('./report-command.js');
      setExit(await reportCommand(io, file, { ...opts, lang }));
    });
  const check = program
    .command('check')
    .description(h.check.description)
    .argument('<file>', h.file)
    .requiredOption('--targets <file>', h.check.targets)
    .option('--as-of <date>', h.check.asOf, parse.date)
    .option('--from <date>', h.check.from, parse.date)
    .option('--to <date>', h.check.to, parse.date)
    .addOption(new Option('--period <period>', h.check.period).choices(GRANULARITIES))
    .option('--fiscal-year-start <month>', h.check.fiscalYearStart, parse.month)
    .addOption(
      new Option('--format <format>', h.format)
        .choices(['table', 'json', 'markdown', 'junit', 'html'])
        .default('table'),
    )
    .option('-o, --output <file>', h.output)
    .addOption(new Option('--fail-on <level>', h.check.failOn).choices(['fail', 'warn']).default('fail'));
  otherInputOptions(jobsOption(dealsInputOptions(check, m), m), m)
    .option('--no-color', h.noColor)
    .addOption(langOption(m))
    .addHelpText('after', h.check.examples)
    .action(async (file: string, opts: CheckCommandOptions) => {
      const { checkCommand } = await import('./check-command.js');
      setExit(await checkCommand(io, file, { ...opts, lang }));
    });

  const abtest = program
    .command('abtest')
    .description(h.abtest.description)
    .argument('<file>', h.file)
    .requiredOption('--variant <column>', h.abtest.variant)
    .option('--control <value>', h.abtest.control)
    .option('--from <date>', h.abtest.from, parse.date)
    .option('--to <date>', h.abtest.to, parse.date)
    .addOption(new Option('--format <format>', h.format).choices(['table', 'json']).default('table'));
  dealsInputOptions(abtest, m)
    .option('--no-color', h.noColor)
    .addOption(langOption(m))
    .addHelpText('after', h.abtest.examples)
    .action(async (file: string, opts: AbTestCommandOptions) => {
      const { abtestCommand } = await import('./abtest-command.js');
      setExit(await abtestCommand(io, file, { ...opts, lang }));
    });

  const cohorts = program
    .command('cohorts')
    .description(h.cohorts.description)
    .argument('<file>', h.file)
    .option('--from <date>', h.cohorts.from, parse.date)
    .option('--to <date>', h.cohorts.to, parse.date)
    .addOption(new Option('--period <period>', h.cohorts.period).choices(['month', 'quarter', 'year']))
    .option('--fiscal-year-start <month>', h.cohorts.fiscalYearStart, parse.month)
    .addOption(new Option('--format <format>', h.format).choices(['table', 'json', 'html']).default('table'))
    .option('-o, --output <file>', h.output);
  dealsInputOptions(cohorts, m)
    .option('--no-color', h.noColor)
    .addOption(langOption(m))
    .addHelpText('after', h.cohorts.examples)
    .action(async (file: string, opts: CohortsCommandOptions) => {
      const { cohortsCommand } = await import('./cohorts-command.js');
      setExit(await cohortsCommand(io, file, { ...opts, lang }));
    });

  const pipeline = program
    .command('pipeline')
    .description(h.pipeline.description)
    .argument('<file>', h.file)
    .option('--as-of <date>', h.pipeline.asOf, parse.date)
    .addOption(new Option('--period <period>', h.pipeline.period).choices(GRANULARITIES))
    .option('--fiscal-year-start <month>', h.pipeline.fiscalYearStart, parse.month)
    .option('--horizon <periods>', h.pipeline.horizon, parse.count(1, 120), 3)
    .option('--stale-days <days>', h.pipeline.staleDays, parse.count(0, 100_000), 90)
    .addOption(new Option('--segment-by <column>', h.pipeline.segmentBy).choices(DIMENSIONS).default('segment'))
    .option('--backtest', h.pipeline.backtest, false)
    .option('--backtest-periods <periods>', h.pipeline.backtestPeriods, parse.count(1, 120), 4)
    .option('--from <date>', h.pipeline.from, parse.date)
    .option('--to <date>', h.pipeline.to, parse.date)
    .option('--targets <file>', h.pipeline.targets)
    .addOption(new Option('--format <format>', h.format).choices(['table', 'json', 'html']).default('table'))
    .option('-o, --output <file>', h.output);
  dealsInputOptions(pipeline, m)
    .option('--no-color', h.noColor)
    .addOption(langOption(m))
    .addHelpText('after', h.pipeline.examples)
    .action(async (file: string, opts: PipelineCommandOptions) => {
      const { pipelineCommand } = await import('./pipeline-command.js');
      setExit(await pipelineCommand(io, file, { ...opts, lang }));
    });

  program
    .command('init')
    .description(h.init.description)
    .option('--targets <file>', h.init.targets, 'targets.yaml')
    .option('--force', h.init.force, false)
    .addOption(langOption(m))
    .action(async (opts: { targets: string; force: boolean }) => {
      const { initCommand } = await import('./targets-commands.js');
      setExit(initCommand(io, opts, lang));
    });

  program
    .command('schema')
    .description(h.schema.description)
    .addArgument(new Argument('<format>', h.schema.format).choices(['targets', 'config']))
    .action(async (format: 'targets' | 'config') => {
      const { schemaCommand } = await import('./targets-commands.js');
      setExit(schemaCommand(io, format));
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
 *
 * The language (`--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG` of `io.env`)
 * is read before commander, since the help and parsing errors are worded in it.
 */
export async function run(io: CliIO): Promise<number> {
  const lang = langFromArgv(io.argv) ?? langFromEnv(io.env);
  // The Japanese catalog is loaded only when asked for: `--version` stays fast.
  const m: Messages = lang === 'ja' ? (await import('../i18n/ja.js')).ja : en;
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    m,
  );
  try {
    await program.parseAsync([...io.argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok; // --help, --version
      const text = err.message.replace(/^error: /, '');
      const usage = new UsageError(err.code.replace(/^commander\./, ''), en.usage(err.code, text));
      return fail(io, usage, m.usage(err.code, text));
    }
    if (err instanceof SalesmetricsError) return fail(io, err, m.error(err));
    throw err;
  }
}

/**
 * Reports an error: English JSON on stdout under `--format json` (scripts
 * read its `code`), and `text`, in the user's language, on stderr.
 */
function fail(io: CliIO, err: SalesmetricsError, text: string): number {
  if (wantsJson(io.argv)) io.stdout.write(JSON.stringify(toJsonError(err)) + '\n');
  for (const line of text.split('\n')) io.stderr.write(`salesmetrics: ${line}\n`);
  return EXIT.error;
}
