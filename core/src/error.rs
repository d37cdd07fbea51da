//! The one public error type: every fallible operation of kringloop returns [`Error`].

use serde::Serialize;

/// Shorthand for `Result<T, kringloop::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in five kinds that every frontend maps one to one
/// (Python: one exception class per variant; JavaScript: `Error` with `code`).
///
/// An operation that returns an error has changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Input broke a rule: which field, and why.
    #[error("invalid {field}: {reason}")]
    Validation {
        /// The field (or parameter) at fault, e.g. `display_name`.
        field: String,
        /// Why it was refused, in plain English.
        reason: String,
    },
    /// The thing asked for does not exist in this hub.
    #[error("{entity} {id} not found")]
    NotFound {
        /// Kind of thing, e.g. `volunteer`.
        entity: String,
        /// The id that was asked for.
        id: String,
    },
    /// The request contradicts the current state (an overlapping shift, an
    /// illegal status change, a concurrent update that won the race).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The actor's role may not do this (see `docs/access.md`).
    #[error("forbidden: a {role} may not {action}")]
    Forbidden {
        /// The actor's role code.
        role: String,
        /// The action code that was refused.
        action: String,
    },
    /// The storage backend failed (I/O, connection, corrupt row).
    #[error("storage: {0}")]
    Storage(String),
}

/// Stable machine codes of [`Error`] variants, as exposed to Python and JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// [`Error::Validation`]
    Validation,
    /// [`Error::NotFound`]
    NotFound,
    /// [`Error::Conflict`]
    Conflict,
    /// [`Error::Forbidden`]
    Forbidden,
    /// [`Error::Storage`]
    Storage,
}

impl ErrorCode {
    /// The stable snake_case code, e.g. `not_found`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Validation => "validation",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Storage => "storage",
        }
    }
}

impl Error {
    /// A validation error for `field`.
    pub fn validation(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Validation {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// A not-found error for an entity kind and id.
    pub fn not_found(entity: impl Into<String>, id: impl ToString) -> Self {
        Error::NotFound {
            entity: entity.into(),
            id: id.to_string(),
        }
    }

    /// A conflict with the current state.
    pub fn conflict(message: impl Into<String>) -> Self {
        Error::Conflict(message.into())
    }

    /// A storage failure.
    pub fn storage(message: impl ToString) -> Self {
        Error::Storage(message.to_string())
    }

    /// The machine code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation { .. } => ErrorCode::Validation,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::Forbidden { .. } => ErrorCode::Forbidden,
            Error::Storage(_) => ErrorCode::Storage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(Error::validation("x", "y").code().as_str(), "validation");
        assert_eq!(
            Error::not_found("volunteer", 1).code().as_str(),
            "not_found"
        );
        assert_eq!(Error::conflict("c").code().as_str(), "conflict");
        assert_eq!(Error::storage("s").code().as_str(), "storage");
        let f = Error::Forbidden {
            role: "volunteer".into(),
            action: "register_volunteer".into(),
        };
        assert_eq!(f.code().as_str(), "forbidden");
        assert_eq!(
            f.to_string(),
            "forbidden: a volunteer may not register_volunteer"
        );
    }

    #[test]
    fn validation_message_names_the_field() {
        let e = Error::validation("display_name", "must not be empty");
        assert_eq!(e.to_string(), "invalid display_name: must not be empty");
    }
}
