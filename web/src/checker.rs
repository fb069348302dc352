//! Checking off the main thread. A dedicated Web Worker runs the checker module (crate
//! gouji-check-web, its exported `goujiCheck`: this page's module carries no rule) and posts
//! the report back in the encoding of [`gouji_core::wire`]; the main thread only edits and
//! renders. The worker comes from `globalThis.goujiCheckWorker`, which the loader defines
//! (web/static/boot.js when served, a Blob-URL worker in the single file).
//!
//! A newer text supersedes the check in flight: results carry a sequence number and stale
//! ones are dropped; a check that has run longer than [`GRACE_MS`] when a newer text comes is
//! stopped by terminating its worker (a hostile text that takes 30 s must not make the next
//! one wait). When no worker can be started (an old browser, a Content-Security-Policy that
//! forbids workers), texts are checked on the main thread as before.
//!
//! A check that runs longer than [`TIME_LIMIT_MS`] is stopped the same way (issue 16): the
//! worker is terminated, a fresh one started, and the status says that the text was too
//! slow to check and was not checked ([`Failure::TooSlow`]); the text stays in its box and the
//! previous results stay on screen. (On the main thread, without workers, nothing can stop
//! a check: there the loader's `globalThis.goujiCheckHere` loads the checker module on first
//! use and runs it.)

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::Checked;

/// How long a check may run before a newer text stops it: short checks (a report of tens of
/// thousands of characters takes a few tens of milliseconds) finish, long ones are cut off.
pub const GRACE_MS: f64 = 100.0;

/// How long a check may run in the worker before it is stopped (20 s: the slowest real
/// report checks in well under a second; a text that takes longer is a hostile shape or too
/// large to be read usefully).
pub const TIME_LIMIT_MS: f64 = 20_000.0;

/// The time limit in force: [`TIME_LIMIT_MS`], or a shorter one a test has put in
/// `globalThis.goujiTimeLimitMs` before the app started (tests/e2e/time-limit.test.mjs). It
/// can only shorten the limit, and only code already running in the page can set it: no
/// address, setting or stored value reaches it.
fn time_limit_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("goujiTimeLimitMs"))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|&ms| ms > 0.0 && ms < TIME_LIMIT_MS)
        .unwrap_or(TIME_LIMIT_MS)
}

/// Why the newest text has no result.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The check trapped (a bug in the core on this text): the detail.
    Trapped(String),
    /// The check ran longer than the time limit and was stopped: the text's size in
    /// characters, and the limit in whole seconds.
    TooSlow { chars: usize, seconds: u64 },
}

/// A text longer than this many bytes is first checked up to the first line end after
/// [`PREVIEW_BYTES`], and that result shown while the whole is checked: a 1 MB text takes the
/// worker about a second, its first 64 KB a few tens of milliseconds.
pub const PREVIEW_ABOVE: usize = 256 * 1024;
pub const PREVIEW_BYTES: usize = 64 * 1024;

/// The beginning of `text` that is checked first, when it is long enough to have one.
#[must_use]
fn preview_of(text: &str) -> Option<&str> {
    if text.len() <= PREVIEW_ABOVE {
        return None;
    }
    // (A byte search: PREVIEW_BYTES may fall inside a character; a line end never does.)
    let end = text.as_bytes()[PREVIEW_BYTES..]
        .iter()
        .position(|&b| b == b'\n')?
        + PREVIEW_BYTES
        + 1;
    Some(&text[..end])
}

#[wasm_bindgen]
extern "C" {
    /// The checker module's `goujiCheck` run on the main thread (the loader fetches and
    /// compiles the module on first use): the report, encoded by [`gouji_core::wire::encode`].
    #[wasm_bindgen(js_namespace = globalThis, js_name = goujiCheckHere, catch)]
    async fn gouji_check_here(text: &str) -> Result<JsValue, JsValue>;
}

/// Where the checker reports to.
#[derive(Debug, Clone, Copy)]
pub struct Outputs {
    /// The newest result (for the newest text checked to the end).
    pub result: RwSignal<Option<Checked>>,
    /// The size in characters of the text being checked, while a check runs.
    pub checking: RwSignal<Option<usize>>,
    /// Why the newest text could not be checked (the worker trapped on it, or took too long).
    pub failure: RwSignal<Option<Failure>>,
    /// Whether checks run in a worker (false once starting one has failed).
    pub in_worker: RwSignal<bool>,
}

/// Checks texts, in a worker when it can. Cheap to clone: every clone is the same checker.
#[derive(Clone)]
pub struct Checker(Rc<Inner>);

struct Inner {
    out: Outputs,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The worker, while there is one.
    slot: Option<Slot>,
    /// No worker could be started: check on the main thread.
    main_thread: bool,
    /// The newest request's number; results of older ones are dropped.
    newest: u64,
    /// The request the worker is on.
    running: Option<Job>,
    /// The newest request waiting for the worker (older waiting ones are simply replaced).
    queued: Option<Job>,
}

#[derive(Clone)]
struct Job {
    seq: u64,
    text: Arc<String>,
    /// When it was posted (ms, `Date.now()`).
    since: f64,
    /// A check of a built-in sample that nobody sees (see [`Checker::new`]).
    warm_up: bool,
}

/// A live worker and its event handlers (dropped with it).
struct Slot {
    worker: web_sys::Worker,
    /// It said it is ready: its wasm is instantiated.
    ready: bool,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Slot {
    /// Stops the worker now; its handlers are freed on a later turn, since this may run
    /// inside one of them.
    fn retire(self) {
        self.worker.terminate();
        set_timeout(move || drop(self), std::time::Duration::ZERO);
    }
}

/// What a worker posted.
enum Message {
    Ready,
    /// Its wasm could not be loaded: workers are no use here.
    Failed(String),
    Result {
        seq: u64,
        bytes: Vec<u8>,
    },
    /// The report on the beginning of the text (see [`PREVIEW_ABOVE`]); the result follows.
    Preview {
        seq: u64,
        bytes: Vec<u8>,
    },
    /// The check trapped (a bug in the core on this text).
    Error {
        seq: u64,
        detail: String,
    },
}

impl Message {
    fn read(data: &JsValue) -> Option<Message> {
        let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).ok();
        let kind = get("type")?.as_string()?;
        let seq = || get("seq").and_then(|s| s.as_f64()).map(|s| s as u64);
        let text = |k: &str| get(k).and_then(|s| s.as_string()).unwrap_or_default();
        Some(match kind.as_str() {
            "ready" => Message::Ready,
            "failed" => Message::Failed(text("error")),
            "result" => Message::Result {
                seq: seq()?,
                bytes: get("bytes")?
                    .dyn_into::<js_sys::Uint8Array>()
                    .ok()?
                    .to_vec(),
            },
            "preview" => Message::Preview {
                seq: seq()?,
                bytes: get("bytes")?
                    .dyn_into::<js_sys::Uint8Array>()
                    .ok()?
                    .to_vec(),
            },
            "error" => Message::Error {
                seq: seq()?,
                detail: text("error"),
            },
            _ => return None,
        })
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// A short report in the usual shapes (a sum with shares, a change, a table), repeated to
/// about 20 K characters for the warm-up check: the samples are no longer in the app.
const WARM_UP: &str = "一、收入支出决算总体情况说明\n2023年度收、支总计1,245.60万元，与2022年度相比，增加145.60万元，增长13.2%，主要原因是人员增加。\n\
二、收入决算情况说明\n2023年度本年收入合计1,245.60万元，其中：财政拨款收入1,200.00万元，占96.3%；其他收入45.60万元，占3.7%。\n\
三、支出决算情况说明\n2023年度本年支出合计1,245.60万元，其中：基本支出845.60万元，占67.9%；项目支出400.00万元，占32.1%。\n\
四、“三公”经费支出情况\n“三公”经费支出决算为12.50万元，完成年初预算的83.3%，比上年减少2.10万元，下降14.4%。\n\
科目名称\t合计\t基本支出\t项目支出\n合计\t1,245.60\t845.60\t400.00\n一般公共服务支出\t1,000.00\t700.00\t300.00\n教育支出\t245.60\t145.60\t100.00\n";

impl Checker {
    /// Starts a worker at once, so that the first paste does not wait for one, and, when
    /// `warm_up` (the page opened without a saved text to check at once), has it check a
    /// built-in sample: the engine's first run is several times slower (the browser compiles
    /// the hot code optimised only after it has run; workers started later share that code),
    /// which would otherwise fall on the user's first paste (240 ms instead of 40 for 20 K
    /// characters, measured in Chromium).
    pub fn new(out: Outputs, warm_up: bool) -> Self {
        let checker = Checker(Rc::new(Inner {
            out,
            state: RefCell::new(State::default()),
        }));
        if checker.ensure_worker() && warm_up {
            checker.post(Job {
                seq: 0,
                text: Arc::new(WARM_UP.repeat(24)),
                since: 0.0,
                warm_up: true,
            });
        }
        checker
    }

    fn in_worker(&self) -> bool {
        !self.0.state.borrow().main_thread
    }

    /// Checks `text`, superseding any check in flight.
    pub fn check(&self, text: String) {
        let seq = {
            let mut st = self.0.state.borrow_mut();
            st.newest += 1;
            st.queued = None;
            st.newest
        };
        self.0.out.failure.set(None);
        if text.trim().is_empty() {
            // Nothing to check; a check in flight finishes unseen (or is cut off by the next).
            self.0.out.checking.set(None);
            self.0.out.result.set(None);
            return;
        }
        self.0.out.checking.set(Some(text.chars().count()));
        let job = Job {
            seq,
            text: Arc::new(text),
            since: 0.0,
            warm_up: false,
        };
        if self.in_worker() {
            self.submit(job);
        } else {
            self.check_here(job);
        }
    }

    /// Sends `job` to the worker, now or once the check in flight ends or is cut off.
    fn submit(&self, job: Job) {
        let running = self.0.state.borrow().running.clone();
        match running {
            None => self.post(job),
            // The warm-up is short and makes what follows faster: let it finish.
            Some(r) if r.warm_up => self.0.state.borrow_mut().queued = Some(job),
            Some(r) if now() - r.since >= GRACE_MS => {
                self.restart();
                self.post(job);
            }
            Some(r) => {
                self.0.state.borrow_mut().queued = Some(job);
                // Cut the running check off when its grace runs out, if it is still on.
                let this = self.clone();
                let wait = (GRACE_MS - (now() - r.since)).max(0.0) as u64;
                set_timeout(
                    move || this.cut_off(r.seq),
                    std::time::Duration::from_millis(wait),
                );
            }
        }
    }

    fn cut_off(&self, seq: u64) {
        let stuck = {
            let st = self.0.state.borrow();
            st.running.as_ref().is_some_and(|r| r.seq == seq) && st.queued.is_some()
        };
        if stuck {
            self.restart();
            self.next();
        }
    }

    /// Stops the check of request `seq` posted at `since` if it is still running: the time
    /// limit has passed.
    fn time_out(&self, seq: u64, since: f64, limit_ms: f64) {
        let job = {
            let st = self.0.state.borrow();
            st.running
                .as_ref()
                .filter(|r| r.seq == seq && r.since == since)
                .cloned()
        };
        let Some(job) = job else { return };
        self.restart();
        if job.seq == self.newest() {
            self.0.out.checking.set(None);
            self.0.out.failure.set(Some(Failure::TooSlow {
                chars: job.text.chars().count(),
                seconds: (limit_ms / 1000.0).ceil() as u64,
            }));
        }
        self.next();
    }

    fn post(&self, mut job: Job) {
        if !self.ensure_worker() {
            self.check_here(job);
            return;
        }
        job.since = now();
        let message = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(k), &v);
        };
        set("type", "check".into());
        set("seq", (job.seq as f64).into());
        set("text", job.text.as_str().into());
        if let Some(p) = preview_of(&job.text).filter(|_| !job.warm_up) {
            // Where the beginning ends, in the JavaScript string's UTF-16 units.
            set("preview", (p.encode_utf16().count() as f64).into());
        }
        let mut st = self.0.state.borrow_mut();
        let sent = st
            .slot
            .as_ref()
            .is_some_and(|s| s.worker.post_message(&message).is_ok());
        if sent {
            let (seq, since, warm_up) = (job.seq, job.since, job.warm_up);
            st.running = Some(job);
            drop(st);
            if !warm_up {
                let this = self.clone();
                let limit = time_limit_ms();
                set_timeout(
                    move || this.time_out(seq, since, limit),
                    std::time::Duration::from_millis(limit as u64),
                );
            }
        } else {
            drop(st);
            self.give_up_workers();
            self.check_here(job);
        }
    }

    /// Terminates the worker (with the check it is on) and starts a fresh one.
    fn restart(&self) {
        let old = {
            let mut st = self.0.state.borrow_mut();
            st.running = None;
            st.slot.take()
        };
        if let Some(old) = old {
            old.retire();
        }
        self.ensure_worker();
    }

    /// Starts a worker when there is none; false when none can be started.
    fn ensure_worker(&self) -> bool {
        {
            let st = self.0.state.borrow();
            if st.main_thread {
                return false;
            }
            if st.slot.is_some() {
                return true;
            }
        }
        match self.spawn() {
            Some(slot) => {
                self.0.state.borrow_mut().slot = Some(slot);
                true
            }
            None => {
                self.0.state.borrow_mut().main_thread = true;
                self.0.out.in_worker.set(false);
                false
            }
        }
    }

    fn spawn(&self) -> Option<Slot> {
        let global = js_sys::global();
        let make = js_sys::Reflect::get(&global, &JsValue::from_str("goujiCheckWorker"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        // It throws when workers are forbidden or missing.
        let worker = make
            .call0(&global)
            .ok()?
            .dyn_into::<web_sys::Worker>()
            .ok()?;
        let this = Rc::downgrade(&self.0);
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let (Some(inner), Some(message)) = (this.upgrade(), Message::read(&ev.data())) {
                    Checker(inner).on_message(message);
                }
            });
        let this = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            // The script could not load, or threw outside a check.
            ev.prevent_default();
            if let Some(inner) = this.upgrade() {
                Checker(inner).on_message(Message::Failed("worker error".into()));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Slot {
            worker,
            ready: false,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn on_message(&self, message: Message) {
        match message {
            Message::Ready => {
                if let Some(slot) = self.0.state.borrow_mut().slot.as_mut() {
                    slot.ready = true;
                }
            }
            Message::Failed(why) => {
                let ever_ready = self.0.state.borrow().slot.as_ref().is_some_and(|s| s.ready);
                web_sys::console::warn_1(&format!("勾稽: checking worker failed ({why})").into());
                // A worker that never came up will not come up next time either.
                let job = {
                    let mut st = self.0.state.borrow_mut();
                    st.queued.take().or_else(|| st.running.take())
                };
                if ever_ready {
                    self.restart();
                } else {
                    self.give_up_workers();
                }
                if let Some(job) = job.filter(|j| j.seq == self.newest() && !j.warm_up) {
                    if self.in_worker() {
                        self.post(job);
                    } else {
                        self.check_here(job);
                    }
                }
            }
            Message::Result { seq, bytes } => {
                let Some(job) = self.finish(seq) else { return };
                if job.seq == self.newest() && !job.warm_up {
                    self.take_in(job.seq, job.text, bytes, false);
                }
                self.next();
            }
            Message::Preview { seq, bytes } => {
                let job = {
                    let st = self.0.state.borrow();
                    st.running.clone().filter(|r| r.seq == seq)
                };
                let Some(job) = job else { return };
                if job.seq != self.newest() || job.warm_up {
                    return;
                }
                let Some(text) = preview_of(&job.text) else {
                    return;
                };
                self.take_in(job.seq, Arc::new(text.to_owned()), bytes, true);
            }
            Message::Error { seq, detail } => {
                let Some(job) = self.finish(seq) else { return };
                // The wasm instance that trapped is in no state to go on.
                self.restart();
                if job.seq == self.newest() && !job.warm_up {
                    self.fail(Failure::Trapped(detail));
                }
                self.next();
            }
        }
    }

    /// The running job, when `seq` is it.
    fn finish(&self, seq: u64) -> Option<Job> {
        let mut st = self.0.state.borrow_mut();
        if st.running.as_ref().is_some_and(|r| r.seq == seq) {
            st.running.take()
        } else {
            None
        }
    }

    fn next(&self) {
        let queued = self.0.state.borrow_mut().queued.take();
        if let Some(job) = queued {
            self.post(job);
        }
    }

    fn newest(&self) -> u64 {
        self.0.state.borrow().newest
    }

    /// Reads a report and shows it, in three turns of the event loop (reading a 1 MB text's
    /// report, cutting its text into marked chunks and rendering each take tens of
    /// milliseconds: one task for all would hold the page for over 100 ms); dropped on the way
    /// when a newer text comes. A `partial` one (a long text's beginning) leaves the status
    /// saying the check goes on.
    fn take_in(&self, seq: u64, text: Arc<String>, bytes: Vec<u8>, partial: bool) {
        let this = self.clone();
        let later = |f: Box<dyn FnOnce()>| set_timeout(f, std::time::Duration::ZERO);
        let current = move |this: &Checker| {
            // Not superseded, and not already shown in full.
            this.newest() == seq
                && this
                    .0
                    .out
                    .result
                    .with_untracked(|r| r.as_ref().is_none_or(|r| r.seq != seq || r.partial))
        };
        later(Box::new(move || {
            if !current(&this) {
                return;
            }
            let Some(report) = gouji_core::wire::decode(&bytes) else {
                if !partial {
                    this.fail(Failure::Trapped("unreadable result".into()));
                }
                return;
            };
            later(Box::new(move || {
                if !current(&this) {
                    return;
                }
                let mut c = Checked::new(seq, text, report);
                c.partial = partial;
                later(Box::new(move || {
                    if !current(&this) {
                        return;
                    }
                    if partial {
                        // Still checking: the status and the stale mark stay until the result.
                        this.0.out.result.set(Some(c));
                    } else {
                        this.publish(c);
                    }
                }));
            }));
        }));
    }

    fn publish(&self, checked: Checked) {
        self.0.out.result.set(Some(checked));
        self.0.out.checking.set(None);
    }

    fn fail(&self, why: Failure) {
        self.0.out.checking.set(None);
        self.0.out.failure.set(Some(why));
    }

    fn give_up_workers(&self) {
        let old = {
            let mut st = self.0.state.borrow_mut();
            st.main_thread = true;
            st.running = None;
            st.slot.take()
        };
        self.0.out.in_worker.set(false);
        if let Some(old) = old {
            old.retire();
        }
    }

    /// The fallback: checks on the main thread, after the status has had a frame to show, with
    /// the checker module (loaded on first use); its result is read as a worker's is. A check
    /// that trapped, or a module that could not be loaded, is reported as a trapped check.
    fn check_here(&self, job: Job) {
        if job.warm_up {
            return;
        }
        let this = self.clone();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if job.seq != this.newest() {
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        let result = gouji_check_here(&job.text).await;
                        if job.seq != this.newest() {
                            return;
                        }
                        match result.map(|v| v.dyn_into::<js_sys::Uint8Array>()) {
                            Ok(Ok(bytes)) => {
                                this.take_in(job.seq, job.text, bytes.to_vec(), false);
                            }
                            Ok(Err(_)) => this.fail(Failure::Trapped("no result".into())),
                            Err(e) => {
                                let detail = js_sys::Reflect::get(&e, &"message".into())
                                    .ok()
                                    .and_then(|m| m.as_string())
                                    .or_else(|| e.as_string())
                                    .unwrap_or_else(|| format!("{e:?}"));
                                this.fail(Failure::Trapped(detail));
                            }
                        }
                    });
                },
                std::time::Duration::ZERO,
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_previewed_up_to_a_line_end() {
        assert_eq!(preview_of("短文本\n"), None);
        let line = "合计100元，其中甲60元。\n";
        let long = line.repeat(PREVIEW_ABOVE / line.len() + 1);
        let p = preview_of(&long).expect("long enough");
        assert!(p.len() > PREVIEW_BYTES && p.len() <= PREVIEW_BYTES + line.len());
        assert!(p.ends_with('\n'));
        assert!(long.starts_with(p));
        // No line end after PREVIEW_BYTES: no preview.
        assert_eq!(preview_of(&"甲".repeat(PREVIEW_ABOVE)), None);
    }
}
