//! Validated text newtypes: once you hold one, it is valid (parse, don't validate).
//! Each also validates when deserialised, so JSON is no back door.

use crate::{Error, Result};

/// Declares a trimmed, length-limited, single-line text newtype.
macro_rules! text_newtype {
    ($(#[$meta:meta])* $name:ident, field = $field:literal, max = $max:literal, multiline = $multi:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Maximum length in characters.
            pub const MAX_CHARS: usize = $max;

            /// Trims and validates `s`: not empty, at most `MAX_CHARS` characters,
            /// no control characters (newlines only where the type allows them).
            pub fn parse(s: impl AsRef<str>) -> Result<Self> {
                check_text(s.as_ref(), $field, $max, $multi).map($name)
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(s: String) -> Result<Self> {
                Self::parse(s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
    };
}

fn check_text(s: &str, field: &str, max: usize, multiline: bool) -> Result<String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    let n = t.chars().count();
    if n > max {
        return Err(Error::validation(
            field,
            format!("is {n} characters long; at most {max} allowed"),
        ));
    }
    if t.chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
    {
        return Err(Error::validation(
            field,
            "must not contain control characters",
        ));
    }
    Ok(t.to_string())
}

text_newtype!(
    /// A person's display name as the hub uses it (a first name is enough).
    DisplayName, field = "display_name", max = 80, multiline = false
);
text_newtype!(
    /// A reason given for a status change or cancellation.
    Reason, field = "reason", max = 500, multiline = true
);
text_newtype!(
    /// A skill a volunteer has, named by the hub (e.g. "naaimachine").
    Skill, field = "skill", max = 60, multiline = false
);
text_newtype!(
    /// Who acts, as recorded in the journal (a login name or volunteer name).
    ActorName, field = "actor", max = 80, multiline = false
);
text_newtype!(
    /// What a donated item is, as written on its label (e.g. "blauwe theepot").
    ItemDescription, field = "description", max = 200, multiline = false
);
text_newtype!(
    /// The name of a till (a cash register), e.g. "kassa-1".
    TillName, field = "till", max = 40, multiline = false
);
text_newtype!(
    /// A short free-text note.
    Note, field = "note", max = 1000, multiline = true
);

text_newtype!(
    /// The person a signal is about, only as a first name or a pseudonym
    /// (at most 60 characters): least data.
    PersonName, field = "person", max = 60, multiline = false
);

text_newtype!(
    /// The short summary of a signal (at most 500 characters). Personal:
    /// erased with the signal's other personal fields.
    Summary, field = "summary", max = 500, multiline = true
);

text_newtype!(
    /// The name of an activity (at most 120 characters).
    ActivityName, field = "name", max = 120, multiline = false
);

text_newtype!(
    /// Where an activity takes place (at most 120 characters).
    Location, field = "location", max = 120, multiline = false
);

text_newtype!(
    /// A description (at most 1000 characters, several lines allowed).
    Description, field = "description", max = 1000, multiline = true
);

text_newtype!(
    /// The title of a resident's idea (at most 120 characters).
    IdeaTitle, field = "title", max = 120, multiline = false
);

text_newtype!(
    /// A resident's idea in their words (at most 2000 characters).
    IdeaText, field = "text", max = 2000, multiline = true
);

text_newtype!(
    /// The title of a course (at most 120 characters).
    CourseTitle, field = "title", max = 120, multiline = false
);

text_newtype!(
    /// The name of a partner organisation or one of its services (at most 120 characters).
    PartnerName, field = "name", max = 120, multiline = false
);

/// How to reach someone: an e-mail address or a phone number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Contact(String);

impl Contact {
    /// Accepts an e-mail address (`name@domain.tld`) or a phone number
    /// (digits with optional `+`, spaces, dashes, parentheses; 6–15 digits).
    pub fn parse(s: impl AsRef<str>) -> Result<Contact> {
        let t = check_text(s.as_ref(), "contact", 254, false)?;
        if let Some((local, domain)) = t.split_once('@') {
            let ok = !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !t.contains(char::is_whitespace);
            return if ok {
                Ok(Contact(t))
            } else {
                Err(Error::validation(
                    "contact",
                    format!("{t:?} is not a valid e-mail address"),
                ))
            };
        }
        let allowed = t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
        let digits = t.chars().filter(char::is_ascii_digit).count();
        let plus_ok = t.rfind('+').is_none_or(|i| i == 0);
        if allowed && plus_ok && (6..=15).contains(&digits) {
            Ok(Contact(t))
        } else {
            Err(Error::validation(
                "contact",
                format!("{t:?} is neither an e-mail address nor a phone number"),
            ))
        }
    }

    /// The contact as entered (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is an e-mail address (otherwise it is a phone number).
    pub fn is_email(&self) -> bool {
        self.0.contains('@')
    }
}

impl std::fmt::Display for Contact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0)
    }
}

impl TryFrom<String> for Contact {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        Contact::parse(s)
    }
}

impl From<Contact> for String {
    fn from(c: Contact) -> String {
        c.0
    }
}

/// A hub's short name in URLs and databases: `a-z`, `0-9` and `-`, 1–40
/// characters, starting with a letter or digit (e.g. `oude-bieb`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HubSlug(String);

impl HubSlug {
    /// Validates a slug.
    pub fn parse(s: impl AsRef<str>) -> Result<HubSlug> {
        let s = s.as_ref();
        let ok = (1..=40).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if ok {
            Ok(HubSlug(s.to_string()))
        } else {
            Err(Error::validation(
                "hub",
                format!(
                    "{s:?} is not a hub slug: use 1-40 of a-z, 0-9 and '-', starting with a letter or digit"
                ),
            ))
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for HubSlug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0)
    }
}

impl TryFrom<String> for HubSlug {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        HubSlug::parse(s)
    }
}

impl From<HubSlug> for String {
    fn from(c: HubSlug) -> String {
        c.0
    }
}

/// A web address: `http://` or `https://`, no spaces, at most 200 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Website(String);

impl Website {
    /// Validates a web address.
    pub fn parse(s: impl AsRef<str>) -> Result<Website> {
        let t = check_text(s.as_ref(), "website", 200, false)?;
        let rest = t
            .strip_prefix("https://")
            .or_else(|| t.strip_prefix("http://"));
        match rest {
            Some(host) if !host.is_empty() && !t.contains(char::is_whitespace) => Ok(Website(t)),
            _ => Err(Error::validation(
                "website",
                format!("{t:?} is not a web address starting with https:// or http://"),
            )),
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Website {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0)
    }
}

impl TryFrom<String> for Website {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        Website::parse(s)
    }
}

impl From<Website> for String {
    fn from(w: Website) -> String {
        w.0
    }
}

/// Parses an optional text field: absent or blank is `None`.
pub(crate) fn parse_optional<T>(
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T>,
) -> Result<Option<T>> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => parse(s).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(DisplayName::parse("  Anna ").unwrap().as_str(), "Anna");
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse("a".repeat(81)).is_err());
        assert!(DisplayName::parse("An\nna").is_err());
        assert!(Reason::parse("line one\nline two").is_ok());
    }

    #[test]
    fn deserialising_validates() {
        assert!(serde_json::from_str::<DisplayName>("\"\"").is_err());
        assert_eq!(
            serde_json::from_str::<DisplayName>("\" Bea \"")
                .unwrap()
                .as_str(),
            "Bea"
        );
    }

    #[test]
    fn contacts() {
        assert!(Contact::parse("anna@example.nl").is_ok());
        assert!(Contact::parse("+31 6 1234 5678").is_ok());
        assert!(Contact::parse("050-1234567").is_ok());
        for bad in [
            "anna@",
            "@x.nl",
            "anna@nl",
            "12",
            "call me",
            "6+12345678",
            "a b@x.nl",
        ] {
            assert!(Contact::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(HubSlug::parse("oude-bieb").is_ok());
        assert!(HubSlug::parse("lewenborg2").is_ok());
        for bad in ["", "-x", "Oude", "oude bieb", &"x".repeat(41)] {
            assert!(HubSlug::parse(bad).is_err(), "{bad}");
        }
    }
}
