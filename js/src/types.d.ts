/** How serious a finding is: an error cannot hold under any rounding. */
export type Severity = "error" | "warning" | "info";

/** A half-open range [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Another place in the text that a finding rests on (a part of a sum, the base of a rate). */
export interface Related {
  /** UTF-8 byte offsets (as in the CLI's JSON). */
  span: Span;
  /** UTF-16 code units: `text.slice(span16.start, span16.end) === quote`. */
  span16: Span;
  quote: string;
  note: string;
}

export interface Finding {
  /** Stable rule id, e.g. "sum", "growth" (see `rules()`). */
  rule: string;
  severity: Severity;
  /** Plain-Chinese explanation. */
  message: string;
  message_en: string;
  /** UTF-8 byte offsets (as in the CLI's JSON). */
  span: Span;
  /** UTF-16 code units: `text.slice(span16.start, span16.end) === quote`. */
  span16: Span;
  /** 1-based line of the span's start. */
  line: number;
  quote: string;
  /** The value as the text states it, with its unit. */
  stated: string | null;
  /** What the other figures give (an interval where rounding makes it one). */
  expected: string | null;
  /** The arithmetic. */
  formula: string | null;
  /** The one change that would restore consistency, where there is one. */
  repair: string | null;
  /** The likely cause, where the engine can tell. */
  cause: string | null;
  related: Related[];
}

export type Outcome = "verified" | "failed" | "unchecked";

/** One recognised claim, whatever came of it. */
export interface LedgerEntry {
  rule: string;
  outcome: Outcome;
  span: Span;
  span16: Span;
  line: number;
  quote: string;
  /** For verified claims the arithmetic; for unchecked ones the reason. */
  detail: string;
  detail_en: string;
}

export interface Stats {
  /** Claims recognised (verified + failed + unchecked). */
  claims: number;
  verified: number;
  unchecked: number;
  errors: number;
  warnings: number;
  infos: number;
}

export type ReportKind = "final_accounts" | "performance_self_evaluation" | "budget" | "unknown";

/** What `check` returns: the CLI's JSON for one file (without `path`), plus `span16`. */
export interface CheckResult {
  report: { kind: ReportKind; year: number | null };
  stats: Stats;
  /** Sorted by position, then severity. */
  findings: Finding[];
  /** Every recognised claim with its outcome, sorted by position. */
  ledger: LedgerEntry[];
  /** Set when the text was not checked, or not all of it, or not every finding is listed:
   * options refused, an empty text, one above 16 MB, one without figures, one with more than
   * 500,000 numbers (checked up to there), more than 10,000 findings (the first listed). */
  notice: string | null;
  /** The same notice in English. */
  notice_en: string | null;
}

export interface CheckOptions {
  /** Run only these rule ids (default: all). Unknown ids throw. */
  rules?: string[];
  /** Skip these rule ids. Unknown ids throw. */
  excludeRules?: string[];
  /** Required-content checklist: "national" (default), "thirteen-tables", "meetings-training". */
  profile?: string;
}

/** A rule's documentation, as `gouji rules --format json` prints it. */
export interface RuleInfo {
  id: string;
  name_zh: string;
  name_en: string;
  /** The most serious severity the rule reports. */
  severity: Severity;
  summary_zh: string;
  summary_en: string;
  explanation_zh: string;
  explanation_en: string;
}
