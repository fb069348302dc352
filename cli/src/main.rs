//! `gouji`: checks the arithmetic in Chinese public-sector budget and final-account reports.
//!
//! Exit status: 0 when every input was checked and none has an error-level finding; 1 when
//! some input has an error-level finding or could not be read; 2 on usage errors and
//! operands that name nothing (the other inputs are still checked); 3 when the output could
//! not be written (a closed pipe ends quietly with the status of the results).

mod output;
mod run;
mod sources;

use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use gouji_core::check::{self as rules};
use gouji_core::{Options, OptionsError, RuleInfo, Severity};
use gouji_input::Encoding;

use output::{Render, Sink, Totals};
use run::{Job, Lang};

const TOP_EXAMPLES: &str = "\
Examples:
  gouji check report.txt                 Check one report, compiler-style diagnostics
  gouji check reports/                   Every .txt, .docx and .pdf under reports/, in parallel
  gouji check --summary reports/         One line of counts per report, and a total
  gouji explain growth                   What the `growth` rule checks, with an example

Run `gouji check --help` for the options, formats and exit status.";

const CHECK_EXAMPLES: &str = "\
Examples:
  gouji check report.txt                    Check one file, compiler-style diagnostics
  gouji check reports/ 'archive/**/*.txt'   Directories (recursive) and glob patterns
  gouji check --summary reports/            Counts per file and a total
  gouji check -q reports/                   Only error-level findings and the total
  gouji check --format json a.txt b.docx    One JSON document (see docs/json.md)
  gouji check --format jsonl reports/ | jq -c 'select(.stats.errors > 0) | .path'
  gouji check --format csv reports/ > findings.csv      Opens in Excel/WPS (UTF-8 with BOM)
  gouji check --format sarif reports/ > gouji.sarif     For code-scanning viewers
  gouji check --encoding gbk old.txt        Force the encoding (default: detected)
  gouji check --rules sum,growth r.txt      Run only these rules (`gouji rules` lists them)
  gouji check report.pdf                    A PDF's text layer, tables rebuilt in columns

Inputs:
  A directory is searched recursively for .txt, .docx and .pdf files (sorted by name; hidden
  entries and Word's ~$ lock files skipped). A pattern with * ? [ ] or ** is expanded as a
  shell would. `-` is standard input. Text files may be UTF-8 (with or without BOM),
  UTF-16 with a BOM, or GB18030/GBK; .docx tables are read as tab-separated rows; a
  PDF's text layer is laid out as `pdftotext -layout` does (tables in columns).
  Spans in JSON and CSV are UTF-8 byte offsets into the decoded text; lines and columns
  count characters.

Exit status:
  0  every input checked, no error-level finding
  1  an error-level finding, or an input that could not be read (binary, empty,
     undecodable, unreadable, not a regular file, over --timeout: reported on stderr and
     in `errors`; the others are checked)
  2  usage error, or an operand that names nothing (a missing path, a pattern or
     directory without .txt/.docx/.pdf files); the other operands are still checked
  3  the output could not be written (a full disk; a closed pipe ends quietly)";

const RULES_EXAMPLES: &str = "\
Examples:
  gouji rules                 One line per rule: id, severity, name, summary
  gouji rules --lang en       The same in English
  gouji rules --format json   Every rule with its full documentation";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  gouji explain sum           What `sum` checks, why, and a worked example (中文 and English)
  gouji explain sum --lang en Only the English text";

#[derive(Parser)]
#[command(
    name = "gouji",
    version,
    about = "勾稽 Gouji: checks the arithmetic in Chinese budget and final-account reports",
    arg_required_else_help = true,
    after_help = TOP_EXAMPLES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the figures stated in report files, directories, patterns or standard input
    #[command(after_help = CHECK_EXAMPLES, arg_required_else_help = true)]
    Check(CheckArgs),
    /// List every rule with its id, severity and a one-line summary
    #[command(after_help = RULES_EXAMPLES)]
    Rules(RulesArgs),
    /// Explain one rule, with a worked example
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
}

#[derive(Args)]
struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = DocFormat::Text)]
    format: DocFormat,

    /// Language of the names and summaries
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,

    /// Show only this rule, with its full explanation (same as `gouji explain ID`)
    #[arg(value_name = "ID")]
    id: Option<String>,
}

#[derive(Args)]
struct ExplainArgs {
    /// The rule id, as `gouji rules` lists them
    #[arg(value_name = "RULE")]
    id: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = DocFormat::Text)]
    format: DocFormat,

    /// Only this language (default: both)
    #[arg(long, value_enum)]
    lang: Option<Lang>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DocFormat {
    Text,
    Json,
}

#[derive(Args)]
struct CheckArgs {
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Text encoding of the input files (.docx and .pdf files ignore it)
    #[arg(long, value_name = "ENCODING", default_value = "auto", value_parser = encoding_parser())]
    encoding: Encoding,

    /// Leave out findings less serious than this
    #[arg(long, value_enum, default_value_t = MinSeverity::Info, value_name = "LEVEL")]
    min_severity: MinSeverity,

    /// Run only these rules (comma-separated rule ids)
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    rules: Vec<String>,

    /// Skip these rules (comma-separated rule ids)
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    exclude_rules: Vec<String>,

    /// Required-content checklist: national (default), thirteen-tables, meetings-training
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,

    /// Only error-level findings; in text format no per-file headers and statistics either
    #[arg(long, short = 'q')]
    quiet: bool,

    /// Per-file counts and a total instead of the findings (not with --format sarif)
    #[arg(long)]
    summary: bool,

    /// Language of messages (findings, unreadable inputs)
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,

    /// Colour in text output: auto means when standard output is a terminal and NO_COLOR is
    /// not set
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,

    /// Files checked at once (default: one per core; RAYON_NUM_THREADS is honoured too; at
    /// most 4 per core)
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,

    /// Time allowed per input, in seconds (0: no limit); an input that takes longer is
    /// reported like an unreadable one (`timeout`) and the others are checked
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = parse_timeout)]
    timeout: f64,

    /// Report files (.txt, .docx, .pdf), directories, glob patterns; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Compiler-style diagnostics for people
    Text,
    /// One JSON document: {"files": [...], "errors": [...], "total": {...}} (docs/json.md)
    Json,
    /// One JSON object per input and line, written as each input is done
    Jsonl,
    /// One row per finding, UTF-8 with a byte-order mark
    Csv,
    /// SARIF 2.1.0 for code-scanning viewers
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MinSeverity {
    Info,
    Warning,
    Error,
}

impl From<MinSeverity> for Severity {
    fn from(m: MinSeverity) -> Severity {
        match m {
            MinSeverity::Info => Severity::Info,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Error => Severity::Error,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// `--encoding`: the documented names, with the usual aliases.
fn encoding_parser() -> impl TypedValueParser<Value = Encoding> {
    PossibleValuesParser::new([
        PossibleValue::new("auto").help("BOM, else UTF-8 if valid, else GB18030"),
        PossibleValue::new("utf-8").alias("utf8"),
        PossibleValue::new("gbk").aliases(["gb2312", "cp936"]),
        PossibleValue::new("gb18030"),
        PossibleValue::new("utf-16le").alias("utf-16"),
        PossibleValue::new("utf-16be"),
    ])
    .map(|name| Encoding::parse(&name).expect("every listed encoding parses"))
}

/// `--timeout`: a finite, non-negative number of seconds.
fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if (0.0..1e9).contains(&t) => Ok(t),
        _ => Err(format!("`{s}` is not a number of seconds (0 for no limit)")),
    }
}

/// At most this many files at once: 4 per core (`-j 4000` on 2 cores only thrashes).
fn max_jobs() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get() * 4)
}

/// The number of worker threads asked for (`-j`, else `RAYON_NUM_THREADS`), capped at
/// [`max_jobs`] with one warning; `None` leaves rayon's default (one per core).
fn jobs_wanted(jobs: Option<NonZeroUsize>) -> Option<usize> {
    let (n, from) = match jobs {
        Some(n) => (n.get(), "-j"),
        None => (
            std::env::var("RAYON_NUM_THREADS")
                .ok()?
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0)?,
            "RAYON_NUM_THREADS",
        ),
    };
    let max = max_jobs();
    if n > max {
        eprintln!("gouji: warning: {from} {n} is more than 4 per core; using {max}");
        return Some(max);
    }
    Some(n)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(args) => rules_command(args),
        Command::Explain(args) => explain(args),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("gouji: error: {message}");
    ExitCode::from(2)
}

fn unknown_rule(id: &str) -> String {
    OptionsError::UnknownRule {
        id: id.to_string(),
        excluded: false,
    }
    .to_string()
}

fn split_ids(ids: Vec<String>) -> Vec<String> {
    ids.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn write_docs(
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> ExitCode {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => output_failed(e, 0),
    }
}

fn rules_command(args: RulesArgs) -> ExitCode {
    if let Some(id) = &args.id {
        return explain(ExplainArgs {
            id: id.clone(),
            format: args.format,
            lang: None,
        });
    }
    let all: Vec<&RuleInfo> = rules::all().collect();
    write_docs(|out| match args.format {
        DocFormat::Json => json_docs(out, &all),
        DocFormat::Text => output::text::write_rule_list(out, &all, args.lang),
    })
}

fn explain(args: ExplainArgs) -> ExitCode {
    let Some(rule) = rules::find(&args.id) else {
        return usage_error(&unknown_rule(&args.id));
    };
    write_docs(|out| match args.format {
        DocFormat::Json => json_docs(out, &rule),
        DocFormat::Text => output::text::write_rule(out, rule, args.lang),
    })
}

fn json_docs(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

fn color_wanted(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return usage_error("`-` (standard input) can be given only once");
    }
    if args.summary && args.format == Format::Sarif {
        return usage_error("--summary has no SARIF form; use --format text, json, jsonl or csv");
    }
    // Checked once, by the function the web app and the JS package use too: a typo in a
    // rule id would otherwise silently check nothing.
    let options = match (Options {
        rules: split_ids(args.rules),
        exclude_rules: split_ids(args.exclude_rules),
        profile: args.profile.clone(),
    })
    .validate()
    {
        Ok(valid) => valid,
        Err(OptionsError::UnknownProfile(p)) => {
            return usage_error(&format!(
                "unknown --profile `{p}`; choose one of: {}",
                OptionsError::known_profiles()
            ))
        }
        Err(e @ OptionsError::UnknownRule { excluded, .. }) => {
            let flag = if excluded {
                "--exclude-rules"
            } else {
                "--rules"
            };
            return usage_error(&format!("{flag}: {e}"));
        }
    };
    let min_severity = if args.quiet {
        Severity::Error
    } else {
        args.min_severity.into()
    };
    let pool = match jobs_wanted(args.jobs) {
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => Some(pool),
            Err(e) => return usage_error(&format!("cannot start {n} threads: {e}")),
        },
        None => None,
    };

    let items = sources::expand(&args.paths);
    let job = Job {
        options,
        encoding: args.encoding,
        min_severity,
        timeout: (args.timeout > 0.0).then(|| std::time::Duration::from_secs_f64(args.timeout)),
    };
    let lang = args.lang;
    let summary = args.summary;
    let (render, mut sink): (Box<dyn Render>, Box<dyn Sink>) = match args.format {
        Format::Text if summary => (
            Box::new(output::summary::SummaryRender {
                lang,
                quiet: args.quiet,
            }),
            Box::<output::summary::SummarySink>::default(),
        ),
        Format::Text => (
            Box::new(output::text::TextRender::new(
                color_wanted(args.color),
                lang,
                args.quiet,
            )),
            Box::new(output::text::TextSink::new(items.len())),
        ),
        Format::Json => (
            Box::new(output::json::JsonRender { summary }),
            Box::<output::json::JsonSink>::default(),
        ),
        Format::Jsonl => (
            Box::new(output::json::JsonLinesRender { summary }),
            Box::new(output::json::JsonLinesSink),
        ),
        Format::Csv => (
            Box::new(output::csv::CsvRender { lang, summary }),
            Box::new(output::csv::CsvSink::new(lang, summary)),
        ),
        Format::Sarif => (
            Box::new(output::NoRender),
            Box::new(output::sarif::SarifSink::new(lang)),
        ),
    };

    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut totals = Totals::default();
    let quiet = args.quiet;
    let written = run::run_ordered(
        &items,
        &job,
        render.as_ref(),
        pool.as_ref(),
        |result, rendered| {
            totals.add(&result);
            if let Some(message) = stderr_message(&result, lang, quiet) {
                // Keep stdout and stderr in order for people reading a terminal.
                out.flush()?;
                eprintln!("{message}");
            }
            sink.file(&mut out, result, rendered)
        },
    )
    .and_then(|()| sink.finish(&mut out, &totals))
    .and_then(|()| out.flush());
    let code = totals.exit_code();
    match written {
        Ok(()) => ExitCode::from(code),
        Err(e) => output_failed(e, code),
    }
}

/// What standard error says about one input: why it could not be checked, or that some of
/// its characters could not be decoded.
fn stderr_message(result: &run::FileResult, lang: Lang, quiet: bool) -> Option<String> {
    // A file name or an I/O error's text must not drive the terminal.
    let name = output::escape::name(&result.name);
    match &result.outcome {
        Err(e) => Some(format!(
            "gouji: error: {name}: {}",
            output::escape::text(e.message(lang))
        )),
        Ok(c) if c.replaced > 0 && !quiet => Some(match lang {
            Lang::Zh => format!(
                "gouji: warning: {name}: {} 处字符无法按 {} 解码，已替换为 �",
                c.replaced, c.encoding
            ),
            Lang::En => format!(
                "gouji: warning: {name}: {} characters could not be decoded as {} and were \
                 replaced by �",
                c.replaced, c.encoding
            ),
        }),
        Ok(_) => None,
    }
}

/// Exit status when the output could not be written (a full disk, an I/O error): neither
/// a finding (1) nor a usage error (2).
const EXIT_OUTPUT_FAILED: u8 = 3;

/// Output could not be written: a closed pipe (`gouji … | head`) ends quietly with the
/// status the results give, anything else is reported and exits with
/// [`EXIT_OUTPUT_FAILED`].
fn output_failed(e: io::Error, code: u8) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(code);
    }
    eprintln!("gouji: error: cannot write output: {e}");
    ExitCode::from(EXIT_OUTPUT_FAILED)
}
