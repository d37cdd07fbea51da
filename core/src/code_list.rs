//! Code lists: closed vocabularies with stable snake_case codes and Dutch and
//! English labels. Every vocabulary in kringloop is declared with [`code_list!`](crate::code_list!).

use serde::Serialize;

/// A language for labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Dutch (the default: the users are Dutch).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Parses `nl` or `en`.
    pub fn parse(code: &str) -> crate::Result<Lang> {
        match code {
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            other => Err(crate::Error::validation(
                "lang",
                format!("unknown language {other:?}; expected \"nl\" or \"en\""),
            )),
        }
    }
}

/// Behaviour shared by every code list.
pub trait CodeList: Sized + Copy + 'static {
    /// Name of the vocabulary (used in error messages), e.g. `volunteer_role`.
    const NAME: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The stable snake_case code.
    fn code(self) -> &'static str;
    /// The Dutch label.
    fn label_nl(self) -> &'static str;
    /// The English label.
    fn label_en(self) -> &'static str;
    /// The label in `lang`.
    fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.label_nl(),
            Lang::En => self.label_en(),
        }
    }
    /// Parses a code; unknown codes are a validation error naming the vocabulary.
    fn parse(code: &str) -> crate::Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.code() == code)
            .ok_or_else(|| {
                let known: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                crate::Error::validation(
                    Self::NAME,
                    format!(
                        "unknown code {code:?}; expected one of {}",
                        known.join(", ")
                    ),
                )
            })
    }
}

/// One entry of a code list, for listings in bindings and docs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeLabel {
    /// The stable code.
    pub code: &'static str,
    /// Dutch label.
    pub nl: &'static str,
    /// English label.
    pub en: &'static str,
}

/// All entries of a code list as [`CodeLabel`]s.
pub fn labels<T: CodeList>() -> Vec<CodeLabel> {
    T::ALL
        .iter()
        .map(|v| CodeLabel {
            code: v.code(),
            nl: v.label_nl(),
            en: v.label_en(),
        })
        .collect()
}

/// Declares a code list: an enum with codes, labels, `ALL`, `FromStr`,
/// `Display` (the code) and serde as the code string.
#[macro_export]
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $vocab:literal {
            $( $(#[$vmeta:meta])* $variant:ident = ($code:literal, $nl:literal, $en:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $crate::code_list::CodeList for $name {
            const NAME: &'static str = $vocab;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn label_nl(self) -> &'static str {
                match self { $($name::$variant => $nl),+ }
            }
            fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
        }

        impl $name {
            /// The stable snake_case code.
            pub fn code(self) -> &'static str {
                <Self as $crate::code_list::CodeList>::code(self)
            }
            /// Parses a code (see [`CodeList::parse`](crate::code_list::CodeList::parse)).
            pub fn parse(code: &str) -> $crate::Result<Self> {
                <Self as $crate::code_list::CodeList>::parse(code)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> $crate::Result<Self> {
                Self::parse(s)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.code())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Self::parse(&s).map_err(::serde::de::Error::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    code_list! {
        /// A test list.
        pub enum Colour: "colour" {
            /// Red.
            Red = ("red", "rood", "red"),
            /// Light blue.
            LightBlue = ("light_blue", "lichtblauw", "light blue"),
        }
    }

    #[test]
    fn codes_round_trip() {
        for c in Colour::ALL {
            assert_eq!(Colour::parse(c.code()).unwrap(), *c);
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), *c);
        }
        assert_eq!(Colour::LightBlue.label(Lang::Nl), "lichtblauw");
        assert_eq!(Colour::LightBlue.to_string(), "light_blue");
    }

    #[test]
    fn unknown_code_is_a_validation_error_listing_the_codes() {
        let err = Colour::parse("green").unwrap_err();
        assert_eq!(err.code().as_str(), "validation");
        assert!(err.to_string().contains("red, light_blue"), "{err}");
        assert!(serde_json::from_str::<Colour>("\"green\"").is_err());
    }

    #[test]
    fn labels_list_everything() {
        let l = labels::<Colour>();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].nl, "lichtblauw");
    }
}
