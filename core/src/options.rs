//! What to check, as the CLI, the web app and the JS package give it ([`Options`], names as
//! strings), and the same checked once ([`Valid`]): every rule id known, the profile one of
//! [`Profile`]. An unknown name is an [`OptionsError`], never quietly replaced.

use crate::check;
use std::fmt;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rule ids to run; empty means all.
    pub rules: Vec<String>,
    /// Rule ids to skip.
    pub exclude_rules: Vec<String>,
    /// The required-content checklist (`national`, `thirteen-tables`, `meetings-training`);
    /// `None` is `national`. See [`Profile`].
    pub profile: Option<String>,
}

/// The required-content checklist the `required` rule checks a final account against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// The nine tables and their explanations.
    #[default]
    National,
    /// The nine and the four tables some provinces add.
    ThirteenTables,
    /// The nine and 会议费/培训费 with the “三公” table.
    MeetingsTraining,
}

impl Profile {
    pub const ALL: [Profile; 3] = [
        Profile::National,
        Profile::ThirteenTables,
        Profile::MeetingsTraining,
    ];

    /// The name `--profile` and `options.profile` take.
    pub fn name(self) -> &'static str {
        match self {
            Profile::National => "national",
            Profile::ThirteenTables => "thirteen-tables",
            Profile::MeetingsTraining => "meetings-training",
        }
    }

    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// Why [`Options`] cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// A rule id no rule has, in `rules` (`excluded: false`) or `exclude_rules`.
    UnknownRule {
        id: String,
        excluded: bool,
    },
    UnknownProfile(String),
}

impl OptionsError {
    /// Every rule id, comma-separated: what an unknown one could have been.
    pub fn known_rules() -> String {
        check::all().map(|r| r.id).collect::<Vec<_>>().join(", ")
    }

    /// Every profile name, comma-separated.
    pub fn known_profiles() -> String {
        Profile::ALL.map(Profile::name).join(", ")
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::UnknownRule { id, .. } => {
                write!(
                    f,
                    "unknown rule `{id}`; known rules: {}",
                    Self::known_rules()
                )
            }
            OptionsError::UnknownProfile(p) => write!(
                f,
                "unknown profile `{p}`; choose one of: {}",
                Self::known_profiles()
            ),
        }
    }
}

impl std::error::Error for OptionsError {}

/// [`Options`] checked: what the rules see (`check::Context::options`).
#[derive(Debug, Clone)]
pub struct Valid {
    rules: Vec<&'static str>,
    exclude_rules: Vec<&'static str>,
    pub profile: Profile,
}

impl Options {
    /// The options checked once, for the CLI, the web app and the JS package alike: the
    /// profile first, then the rule ids to run, then those to skip.
    pub fn validate(&self) -> Result<Valid, OptionsError> {
        let profile = match &self.profile {
            None => Profile::National,
            Some(p) => {
                Profile::from_name(p).ok_or_else(|| OptionsError::UnknownProfile(p.clone()))?
            }
        };
        let ids = |ids: &[String], excluded: bool| {
            ids.iter()
                .map(|id| {
                    check::find(id)
                        .map(|r| r.id)
                        .ok_or_else(|| OptionsError::UnknownRule {
                            id: id.clone(),
                            excluded,
                        })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Valid {
            rules: ids(&self.rules, false)?,
            exclude_rules: ids(&self.exclude_rules, true)?,
            profile,
        })
    }
}

impl Valid {
    /// Does the rule `id` run?
    pub fn runs(&self, id: &str) -> bool {
        (self.rules.is_empty() || self.rules.contains(&id)) && !self.exclude_rules.contains(&id)
    }
}

impl Default for Valid {
    /// Every rule, the national checklist.
    fn default() -> Self {
        Valid {
            rules: Vec::new(),
            exclude_rules: Vec::new(),
            profile: Profile::National,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_are_errors_not_defaults() {
        let o = |rules: &[&str], exclude: &[&str], profile: Option<&str>| Options {
            rules: rules.iter().map(|s| s.to_string()).collect(),
            exclude_rules: exclude.iter().map(|s| s.to_string()).collect(),
            profile: profile.map(str::to_string),
        };
        assert_eq!(
            o(&[], &[], Some("nationl")).validate().unwrap_err(),
            OptionsError::UnknownProfile("nationl".into())
        );
        assert_eq!(
            o(&["sum", "sums"], &[], None).validate().unwrap_err(),
            OptionsError::UnknownRule {
                id: "sums".into(),
                excluded: false
            }
        );
        assert_eq!(
            o(&[], &["grwth"], None).validate().unwrap_err(),
            OptionsError::UnknownRule {
                id: "grwth".into(),
                excluded: true
            }
        );
        let v = o(&["sum", "growth"], &["growth"], Some("thirteen-tables"))
            .validate()
            .unwrap();
        assert_eq!(v.profile, Profile::ThirteenTables);
        assert!(v.runs("sum") && !v.runs("growth") && !v.runs("count"));
        assert!(Options::default().validate().unwrap().runs("count"));
    }

    #[test]
    fn profile_names_round_trip() {
        for p in Profile::ALL {
            assert_eq!(Profile::from_name(p.name()), Some(p));
        }
    }
}
