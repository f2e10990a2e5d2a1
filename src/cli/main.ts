import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { SimError } from '../errors.js';
import { InterruptError } from './interrupt.js';
import { analyzeCommand, type AnalyzeOptions } from './network-command.js';
import { collect, parseLevels, parseSeconds, parseSeed, parseTraceCount, parseWorkers } from './options.js';
import { ignoreStderrFailures, OutputError, writeStdout } from './output.js';
import { runCommand, type RunCommandOptions } from './run-command.js';
import { validateCommand } from './validate-command.js';

/** Exit status for invalid input: a scenario, an option or a path. */
export const EXIT_BAD_INPUT = 2;
/** Exit status for a failure inside `sim` itself. */
export const EXIT_INTERNAL = 70;
/**
 * Exit status when the report could not be written to its --output file
 * or to standard output, as EX_IOERR in sysexits.h. After a failed
 * --output file, the report is on standard output unless that failed too.
 */
export const EXIT_IO_ERROR = 74;

const EXIT_STATUS_HELP = `
Exit status:
  0    success
  1    sim validate: some line is out of tolerance
  2    invalid input: a scenario, an option or a path
  70   internal error in sim
  74   the report could not be written (see the message on standard error)
  130  interrupted by SIGINT (143 for SIGTERM); a SPECmail2001 run or
       validate writes a partial report of the levels that finished
`;

function packageVersion(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** State the command actions report back to `main`. */
interface CommandState {
  exitStatus: number;
  /** Writes of help and version text to standard output. */
  helpWrites: Promise<void>[];
}

function buildProgram(state: CommandState): Command {
  const program = new Command('sim')
    .description('Discrete-event simulation of server clusters under benchmark workloads.')
    .version(packageVersion(), '-V, --version', 'print the version of sim')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => state.helpWrites.push(writeStdout(text)),
      writeErr: (text) => process.stderr.write(text),
      // Every other message of sim starts with "sim:", so option errors do too.
      outputError: (text, write) => write(text.replace(/^error: /, 'sim: ')),
    })
    .addHelpText('after', EXIT_STATUS_HELP);

  program
    .command('run')
    .description('Run a scenario and print its report.')
    .argument('<scenario>', 'scenario YAML file, such as scenarios/specmail2001-intrastore.yaml')
    .option('--seed <n>', 'random seed (default: the scenario\'s seed)', parseSeed)
    .option('--levels <list>', 'load levels in percent, comma-separated (default: the scenario\'s)', parseLevels)
    .option('--duration <seconds>', 'measurement phase per level, in seconds (default: the scenario\'s, 3600 as published)', parseSeconds)
    .addOption(
      new Option(
        '--format <format>',
        'report format; html is one self-contained page with charts (SPECmail2001 scenarios only)',
      )
        .choices(['text', 'json', 'html'])
        .default('text'),
    )
    .option('--set <key=value>', 'override a scenario value by key path, such as software.pop.threads=200 (repeatable)', collect, [])
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'print no progress on standard error')
    .option('--workers <n>', 'worker threads that run levels in parallel (default: one per core)', parseWorkers)
    .option('--trace <n>', 'print the first n events of replication 1, one a line (network scenarios)', parseTraceCount)
    .action(async (scenario: string, options: RunCommandOptions) => {
      state.exitStatus = await runCommand(scenario, options);
    });

  program
    .command('analyze')
    .description(
      'Print the exact steady-state results of a network scenario without simulating, ' +
        'or why no exact result applies.',
    )
    .argument('<scenario>', 'network scenario YAML file, such as scenarios/teaching/hockey-stick.yaml')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--set <key=value>', 'override a scenario value by key path, such as classes.load95.arrivalRate=0.98 (repeatable)', collect, [])
    .action((scenario: string, options: AnalyzeOptions) => analyzeCommand(scenario, options));

  program
    .command('validate')
    .description(
      'Run a scenario and compare it, line by line, with the published result it names ' +
        '(exit 0 when all lines pass, 1 when any fails).',
    )
    .argument('<scenario>', 'scenario YAML file that names a reference and tolerances')
    .option('--seed <n>', "random seed (default: the scenario's seed)", parseSeed)
    .option('--levels <list>', "load levels in percent, comma-separated (default: the scenario's)", parseLevels)
    .option('--duration <seconds>', "measurement phase per level, in seconds (default: the scenario's)", parseSeconds)
    .addOption(new Option('--format <format>', 'table format').choices(['text', 'json']).default('text'))
    .option('--set <key=value>', 'override a scenario value by key path (repeatable)', collect, [])
    .option('-q, --quiet', 'print no progress on standard error')
    .option('--workers <n>', 'worker threads that run levels in parallel (default: one per core)', parseWorkers)
    .action(async (scenario: string, options: RunCommandOptions) => {
      state.exitStatus = await validateCommand(scenario, options);
    });

  return program;
}


// Prints the message of an error that ended a command and returns the
// exit status for it.
function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; --help and --version
    // end here with exit code 0.
    return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  }
  if (error instanceof SimError) {
    process.stderr.write(`sim: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`sim: ${error.message}\n`);
    return EXIT_IO_ERROR;
  }
  if (error instanceof InterruptError) {
    process.stderr.write(`sim: ${error.message}\n`);
    return error.exitStatus;
  }

  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sim: internal error: ${text}\n`);
  if (process.env.SIM_DEBUG === '1' && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  } else {
    process.stderr.write('sim: set SIM_DEBUG=1 to print the stack trace, and please report it.\n');
  }
  return EXIT_INTERNAL;
}

/**
 * Runs the `sim` command line with `argv` (as in process.argv) and
 * returns the exit status: 0 on success, 1 when `sim validate` finds a
 * line out of tolerance, 2 for invalid input, 70 for an internal failure,
 * 74 when the report could not be written, and 128 plus the signal
 * number when SIGINT or SIGTERM stopped a SPECmail2001 run.
 */
export async function main(argv: string[]): Promise<number> {
  ignoreStderrFailures();
  const state: CommandState = { exitStatus: 0, helpWrites: [] };
  let status: number;
  try {
    await buildProgram(state).parseAsync(argv);
    status = state.exitStatus;
  } catch (error) {
    status = reportError(error);
  }

  try {
    await Promise.all(state.helpWrites);
  } catch (error) {
    return reportError(error);
  }
  return status;
}
