//! The built-in sample reports: the project's own seeds in `tests/fixtures/samples/`, listed
//! once here for the web app's sample buttons, the tests and the benchmarks (native and wasm).
//! A test checks that the folder holds exactly these files; scripts and browser tests that
//! cannot read Rust list the folder instead, and take a sample's id from its file name's
//! first word.
//!
//! Only names live in the core: a text is read where it is needed (`include_str!` through
//! `sample_texts!`, a file, or a fetch in the served app).

/// One sample report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// The first word of its file name, e.g. `renhe`.
    pub id: &'static str,
    /// Its file in `tests/fixtures/samples/`.
    pub file: &'static str,
    /// The app's button label, in Chinese and English.
    pub label_zh: &'static str,
    pub label_en: &'static str,
}

/// The folder of the samples, from the workspace root.
pub const DIR: &str = "tests/fixtures/samples";

macro_rules! samples {
    ($(($id:literal, $file:literal, $zh:literal, $en:literal)),* $(,)?) => {
        /// Every sample, in the order of their file names.
        pub const SAMPLES: &[Sample] = &[
            $(Sample { id: $id, file: $file, label_zh: $zh, label_en: $en }),*
        ];

        /// `[(id, text); N]`: every sample's text, read at compile time, in the order of
        /// [`SAMPLES`](crate::samples::SAMPLES). For a crate one folder below the workspace
        /// root (as every crate of the workspace is).
        #[macro_export]
        macro_rules! sample_texts {
            () => {
                [$((
                    $id,
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/../tests/fixtures/samples/",
                        $file
                    )),
                )),*]
            };
        }
    };
}

samples! {
    ("dongning", "dongning-2020-final-accounts.txt", "东宁 2020 部门决算", "Dongning 2020 final accounts"),
    ("lechang", "lechang-2020-performance-self-evaluation.txt", "乐昌 2020 绩效自评", "Lechang 2020 performance"),
    ("qujiang", "qujiang-2021-performance-self-evaluation.txt", "曲江 2021 绩效自评", "Qujiang 2021 performance"),
    ("renhe", "renhe-2020-final-accounts.txt", "仁和 2020 部门决算", "Renhe 2020 final accounts"),
    ("xinglongtai", "xinglongtai-2022-final-accounts.txt", "兴隆台 2022 部门决算", "Xinglongtai 2022 final accounts"),
}

/// The sample with this id.
pub fn find(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_holds_exactly_the_listed_samples() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/samples");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let listed: Vec<&str> = SAMPLES.iter().map(|s| s.file).collect();
        assert_eq!(files, listed);
        for s in SAMPLES {
            assert_eq!(s.file.split('-').next(), Some(s.id));
        }
        let texts = sample_texts!();
        assert_eq!(texts.len(), SAMPLES.len());
        for ((id, text), s) in texts.iter().zip(SAMPLES) {
            assert_eq!(*id, s.id);
            assert!(text.len() > 1000);
        }
        assert_eq!(
            find("renhe").map(|s| s.file),
            Some("renhe-2020-final-accounts.txt")
        );
    }
}
