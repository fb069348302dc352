//! `gouji`: checks the arithmetic in Chinese public-sector budget and final-account reports.
//!
//! Exit status: 0 when no file has an error-level finding, 1 when at least one has, 2 on
//! usage errors or when any input could not be read (the other inputs are still checked).

mod input;
mod text;

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use gouji_core::{rules, Options, Report, RuleInfo, Severity};
use serde::Serialize;

const CHECK_EXAMPLES: &str = "\
Examples:
  gouji check report.txt                  Check one file, compiler-style diagnostics
  gouji check a.txt b.txt --format json   One JSON document covering both files
  pdftotext -layout r.pdf - | gouji check -
                                          Check standard input
  gouji check --rules sum,growth r.txt    Run only the `sum` and `growth` rules
  gouji check --exclude-rules growth r.txt

Exit status:
  0  no error-level finding in any file
  1  at least one error-level finding
  2  usage error, or an input could not be read (the other inputs are still checked)

Input must be UTF-8 (a leading byte-order mark is fine). Spans in the JSON output are UTF-8
byte offsets into each file exactly as read.";

#[derive(Parser)]
#[command(
    name = "gouji",
    version,
    about = "勾稽 Gouji: checks the arithmetic in Chinese budget and final-account reports",
    arg_required_else_help = true,
    after_help = "Run `gouji check --help` for options and examples."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the figures stated in one or more report text files
    #[command(after_help = CHECK_EXAMPLES, arg_required_else_help = true)]
    Check(CheckArgs),
    /// List the rules, or explain one
    #[command(after_help = RULES_EXAMPLES)]
    Rules(RulesArgs),
}

const RULES_EXAMPLES: &str = "\
Examples:
  gouji rules                 One line per rule: id, severity, name, summary
  gouji rules sum             What `sum` checks, why, and a worked example
  gouji rules --format json   Every rule with its full documentation";

#[derive(Args)]
struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Show only this rule, with its full explanation
    #[arg(value_name = "ID")]
    id: Option<String>,
}

#[derive(Args)]
struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Run only these rules (comma-separated rule ids)
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    rules: Vec<String>,

    /// Skip these rules (comma-separated rule ids)
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    exclude_rules: Vec<String>,

    /// Checklist for the `required` rule: `national` (default) or `meetings-training`
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,

    /// Report text files (UTF-8); `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Compiler-style diagnostics for people
    Text,
    /// One JSON document for tools: {"files":[{"path", "report", "stats", "findings", "ledger"}]}
    Json,
}

/// The JSON document. `files` is the contract; `errors` lists inputs that could not be read.
#[derive(Serialize)]
struct JsonOutput<'a> {
    files: Vec<JsonFile<'a>>,
    errors: Vec<JsonError>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    #[serde(flatten)]
    report: &'a Report,
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    message: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(args) => rules(args),
    }
}

fn known_rule_ids() -> String {
    rules::all().map(|r| r.id).collect::<Vec<_>>().join(", ")
}

/// Rule ids given to `--rules`/`--exclude-rules` must exist: a typo would silently check
/// nothing.
fn validate_rule_ids(flag: &str, ids: &[String]) -> Result<(), String> {
    match ids.iter().find(|id| rules::find(id).is_none()) {
        Some(id) => Err(format!(
            "unknown rule `{id}` in {flag}; known rules: {}",
            known_rule_ids()
        )),
        None => Ok(()),
    }
}

fn rules(args: RulesArgs) -> ExitCode {
    let selected: Vec<&RuleInfo> = match &args.id {
        Some(id) => match rules::find(id) {
            Some(rule) => vec![rule],
            None => {
                eprintln!(
                    "gouji: error: unknown rule `{id}`; known rules: {}",
                    known_rule_ids()
                );
                return ExitCode::from(2);
            }
        },
        None => rules::all().collect(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &selected)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text if args.id.is_some() => text::write_rule(&mut out, selected[0]),
        Format::Text => text::write_rule_list(&mut out, &selected),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => output_failed(e, ExitCode::SUCCESS),
    }
}

fn display_name(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        input::STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

fn split_ids(ids: Vec<String>) -> Vec<String> {
    ids.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn check(args: CheckArgs) -> ExitCode {
    if args.files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        eprintln!("gouji: error: `-` (standard input) can be given only once");
        return ExitCode::from(2);
    }
    let options = Options {
        rules: split_ids(args.rules),
        exclude_rules: split_ids(args.exclude_rules),
        profile: args.profile.clone(),
    };
    if let Some(p) = &options.profile {
        if !gouji_core::rules::PROFILES.iter().any(|x| x.name == p) {
            let names: Vec<&str> = gouji_core::rules::PROFILES.iter().map(|x| x.name).collect();
            eprintln!(
                "gouji: error: unknown --profile `{p}` (one of: {})",
                names.join(", ")
            );
            return ExitCode::from(2);
        }
    }
    for (flag, ids) in [
        ("--rules", &options.rules),
        ("--exclude-rules", &options.exclude_rules),
    ] {
        if let Err(message) = validate_rule_ids(flag, ids) {
            eprintln!("gouji: error: {message}");
            return ExitCode::from(2);
        }
    }

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut reports: Vec<(String, Report)> = Vec::new();
    let mut input_errors: Vec<JsonError> = Vec::new();
    let mut totals = Totals::default();

    for path in &args.files {
        let name = display_name(path);
        let text = match input::read(path) {
            Ok(text) => text,
            Err(e) => {
                // Keep stdout and stderr in order for people reading a terminal.
                let _ = out.flush();
                eprintln!("gouji: error: {name}: {e}");
                input_errors.push(JsonError {
                    path: name,
                    message: e.to_string(),
                });
                continue;
            }
        };
        // A bug in the core on one input should not lose the others' results.
        let checked = panic::catch_unwind(AssertUnwindSafe(|| gouji_core::check(&text, &options)));
        let mut report = match checked {
            Ok(report) => report,
            Err(_) => {
                let _ = out.flush();
                let message = "internal error while checking (a bug in gouji; please report it \
                               with this file)";
                eprintln!("gouji: error: {name}: {message}");
                input_errors.push(JsonError {
                    path: name,
                    message: message.into(),
                });
                continue;
            }
        };
        if is_blank(&text) {
            let _ = out.flush();
            eprintln!("gouji: warning: {name}: file is empty, nothing to check");
            if report.notice.is_none() {
                report.notice = Some("文件为空，没有可核对的内容 (the file is empty)".into());
            }
        }
        totals.add(&report);
        match args.format {
            Format::Text => {
                let written = write_text(&mut out, totals.files == 1, &name, &text, &report);
                if let Err(e) = written {
                    return output_failed(e, totals.exit_code(!input_errors.is_empty()));
                }
            }
            Format::Json => reports.push((name, report)),
        }
    }

    let failed_inputs = !input_errors.is_empty();
    let written = match args.format {
        Format::Text => write_total(&mut out, &totals, args.files.len(), input_errors.len()),
        Format::Json => write_json(&mut out, &reports, input_errors),
    }
    .and_then(|()| out.flush());
    let code = totals.exit_code(failed_inputs);
    match written {
        Ok(()) => code,
        Err(e) => output_failed(e, code),
    }
}

/// Nothing but whitespace and perhaps a byte-order mark.
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// One file's text output, flushed so it appears as soon as the file is checked.
fn write_text(
    out: &mut impl Write,
    first: bool,
    name: &str,
    text: &str,
    report: &Report,
) -> io::Result<()> {
    if !first {
        writeln!(out)?;
    }
    text::write_report(out, name, text, report)?;
    out.flush()
}

/// Counts across all inputs that could be read.
#[derive(Default)]
struct Totals {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    has_error_findings: bool,
}

impl Totals {
    fn add(&mut self, report: &Report) {
        self.files += 1;
        self.errors += report.stats.errors;
        self.warnings += report.stats.warnings;
        self.infos += report.stats.infos;
        self.has_error_findings |= report.has_errors()
            || report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error);
    }

    fn exit_code(&self, failed_inputs: bool) -> ExitCode {
        if failed_inputs {
            ExitCode::from(2)
        } else if self.has_error_findings {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// A closing line when more than one input was given (text format only).
fn write_total(
    out: &mut impl Write,
    totals: &Totals,
    inputs: usize,
    unreadable: usize,
) -> io::Result<()> {
    if inputs < 2 {
        return Ok(());
    }
    writeln!(out)?;
    write!(
        out,
        "total: {} checked; {} errors, {} warnings, {} infos",
        totals.files, totals.errors, totals.warnings, totals.infos
    )?;
    if unreadable > 0 {
        write!(out, "; {unreadable} of {inputs} inputs could not be read")?;
    }
    writeln!(out)
}

fn write_json(
    out: &mut impl Write,
    reports: &[(String, Report)],
    errors: Vec<JsonError>,
) -> io::Result<()> {
    let doc = JsonOutput {
        files: reports
            .iter()
            .map(|(path, report)| JsonFile {
                path: path.clone(),
                report,
            })
            .collect(),
        errors,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}

/// Output could not be written: a closed pipe (`gouji … | head`) ends quietly, anything
/// else is reported.
fn output_failed(e: io::Error, code: ExitCode) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return code;
    }
    eprintln!("gouji: error: cannot write output: {e}");
    ExitCode::from(2)
}
